package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * Contests of automated decisions (个人信息保护法 第二十四条: the person may ask for an explanation and refuse a decision made
 * solely by automated means): the payee gives a reason, which opens a case for the APPROVER and DEPT_ADMIN staff of the
 * policy's department; they uphold it (correcting the amount, paying the difference if due) or dismiss it, with an
 * answer the person sees and is told of. One open contest per decision at a time.
 */
@Service
public class BenefitContests {

	private final JdbcClient jdbc;
	private final BenefitDecisions decisions;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final GuardedMoves<ContestStatus> moves;
	private final AuditTrail audit;

	BenefitContests(JdbcClient jdbc, BenefitDecisions decisions, IdentityManagement identity, NotificationManagement notifications,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.identity = identity;
		this.notifications = notifications;
		this.moves = new GuardedMoves<>(jdbc, events, ContestStatus.GRAPH, "proactive_benefit_contest");
		this.audit = audit;
	}

	/** The payee contests their decision; the reason is required. Answers the problems by field, empty when opened. */
	@Transactional
	public Map<String, Problem> open(UUID decisionId, String payeeIndex, UUID accountId, String reason) {
		BenefitDecision decision = decisions.ofPayee(decisionId, payeeIndex);
		Map<String, Problem> problems = new LinkedHashMap<>();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			problems.put("reason", Problem.of("proactive.benefit.error.reason"));
		}
		else if (why.length() > 1000) {
			problems.put("reason", Problem.of("proactive.benefit.error.reasonLong"));
		}
		else if (of(decisionId).stream().anyMatch(c -> c.status() == ContestStatus.OPEN)) {
			problems.put("reason", Problem.of("proactive.benefit.error.contestOpen"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into proactive_benefit_contest (id, decision_id, department_code, opened_by, reason, status) values (?, ?, ?, ?, ?, 'OPEN')")
			.params(id, decisionId, decisions.policyOf(decision).departmentCode(), accountId, why)
			.update();
		return problems;
	}

	/** The contests of a decision, newest first. */
	public List<Contest> of(UUID decisionId) {
		return jdbc.sql(SELECT + " where c.decision_id = ? order by c.opened_at desc").param(decisionId).query((rs, n) -> row(rs)).list();
	}

	/** A department's contests, open ones first, oldest first among them. */
	public List<Contest> ofDepartment(String departmentCode) {
		return jdbc.sql(SELECT + " where c.department_code = ? order by (c.status = 'OPEN') desc, c.opened_at limit 200")
			.param(departmentCode)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** One contest of the staff's department; another department's is not found. */
	public Contest contest(UUID id, StaffMember staff) {
		return jdbc.sql(SELECT + " where c.id = ? and c.department_code = ?")
			.params(id, staff.departmentCode())
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("benefit-contest"));
	}

	/**
	 * Staff answer an open contest: uphold (with a corrected amount, or none when the decision stands as it is) or
	 * dismiss; the answer is required. The person is told. Answers the problems by field, empty when answered.
	 */
	@Transactional
	public Map<String, Problem> answer(UUID id, StaffMember staff, boolean upheld, String answer, String correctedAmount) {
		Contest contest = contest(id, staff);
		Map<String, Problem> problems = new LinkedHashMap<>();
		String text = answer == null ? "" : answer.strip();
		if (text.isEmpty() || text.length() > 1000) {
			problems.put("answer", Problem.of("proactive.benefit.error.answer"));
		}
		BigDecimal corrected = null;
		if (upheld && correctedAmount != null && !correctedAmount.isBlank()) {
			if (!correctedAmount.strip().matches("\\d{1,9}(\\.\\d{1,2})?")) {
				problems.put("correctedAmount", Problem.of("proactive.benefit.error.amount"));
			}
			else {
				corrected = new BigDecimal(correctedAmount.strip());
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		ContestStatus to = upheld ? ContestStatus.UPHELD : ContestStatus.DISMISSED;
		Object event = upheld ? new BenefitEvents.ContestUpheld(id, contest.decisionId()) : new BenefitEvents.ContestDismissed(id, contest.decisionId());
		moves.move(id, contest.status(), to, event, "proactive-benefit-contest-answered",
				"answer = ?, corrected_amount = ?, answered_by = ?, answered_at = now()", text, corrected, staff.name());
		BenefitDecision decision = decisions.ofDepartment(contest.decisionId(), staff.departmentCode());
		if (corrected != null) {
			decisions.correct(decision, corrected, id);
		}
		audit.record("BENEFIT_CONTEST", "staff:" + staff.id(), "benefit-contest:" + id,
				to + (corrected != null ? ", amount corrected to " + corrected.toPlainString() : ""));
		UUID accountId = jdbc.sql("select opened_by from proactive_benefit_contest where id = ?").param(id).query(UUID.class).single();
		identity.contact(accountId)
			.ifPresent(contact -> notifications.notify(
					contact.recipient(),
					"BENEFIT_CONTEST_ANSWERED",
					Map.of("benefit", contest.policyName(), "outcome", upheld ? "异议成立" : "异议不成立", "answer", text),
					"/account/benefits/" + contest.decisionId()));
		return problems;
	}

	private static final String SELECT = """
			select c.*, p.name as policy_name from proactive_benefit_contest c
			join proactive_benefit_decision d on d.id = c.decision_id
			join proactive_benefit_policy p on p.id = d.policy_id and p.version = d.policy_version""";

	private static Contest row(ResultSet rs) throws SQLException {
		return new Contest(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getString("department_code"),
				rs.getString("policy_name"), rs.getString("reason"), ContestStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
				rs.getString("answer"), rs.getBigDecimal("corrected_amount"), rs.getString("answered_by"),
				PaymentOrders.instant(rs.getTimestamp("answered_at")));
	}
}
