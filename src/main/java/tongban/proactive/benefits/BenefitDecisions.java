package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.proactive.rules.Conditions;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * A payee's decisions: listed, explained (which data and which rule version made each, in plain words, 个人信息保护法
 * 第二十四条), and confirmed with one click, the bank account taken from the payee's stored one or typed (checked,
 * encrypted, kept for next time). A decision is found only with its payee's blind index: someone else's is not found.
 */
@Service
public class BenefitDecisions {

	private static final TypeReference<Map<String, Map<String, String>>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final BenefitPolicies policies;
	private final Conditions conditions;
	private final PaymentOrders payments;
	private final BankAccounts accounts;
	private final GuardedMoves<DecisionStatus> moves;

	BenefitDecisions(JdbcClient jdbc, JsonMapper json, DataKeys keys, BenefitPolicies policies, Conditions conditions, PaymentOrders payments,
			BankAccounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.policies = policies;
		this.conditions = conditions;
		this.payments = payments;
		this.accounts = accounts;
		this.moves = new GuardedMoves<>(jdbc, events, DecisionStatus.GRAPH, "proactive_benefit_decision");
	}

	/** A decision as listed: with its policy's name. */
	public record Listed(UUID id, String policyName, BigDecimal amount, String period, DecisionStatus status, Instant decidedAt) {
	}

	/** The payee's decisions (by the blind index of their ID number or USCC), newest first. */
	public List<Listed> of(String payeeIndex) {
		return jdbc.sql("""
				select d.id, p.name, d.amount, d.period, d.status, d.decided_at from proactive_benefit_decision d
				join proactive_benefit_policy p on p.id = d.policy_id and p.version = d.policy_version
				where d.payee_index = ? order by d.decided_at desc limit 200""")
			.param(payeeIndex)
			.query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					DecisionStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The payee's decision; someone else's is not found. */
	public BenefitDecision ofPayee(UUID id, String payeeIndex) {
		return find(id).filter(d -> d.payeeIndex().equals(payeeIndex)).orElseThrow(() -> DomainException.notFound("benefit-decision"));
	}

	/** A decision of one of the department's policies (for staff handling a contest); another department's is not found. */
	public BenefitDecision ofDepartment(UUID id, String departmentCode) {
		return find(id).filter(d -> policies.version(d.policyId(), d.policyVersion()).map(p -> p.departmentCode().equals(departmentCode)).orElse(false))
			.orElseThrow(() -> DomainException.notFound("benefit-decision"));
	}

	/** The policy version that made a decision. */
	public BenefitPolicy policyOf(BenefitDecision decision) {
		return policies.version(decision.policyId(), decision.policyVersion()).orElseThrow();
	}

	/** Which data and rule made the decision, a line per condition, reckoned on the day it was decided. */
	public List<String> explain(BenefitDecision decision) {
		return conditions.explain(policyOf(decision).conditions(), decision.valuesUsed(), decision.decidedOn());
	}

	/** The payee's stored account, masked, if any (offered for the one-click confirmation). */
	public Optional<String> storedAccount(String payeeIndex) {
		return accounts.of(payeeIndex).map(BankAccounts::masked);
	}

	/** Whether the decision waits for the payee: an offer to confirm, or a direct grant with no account to pay into yet. */
	public boolean awaitsPayee(BenefitDecision decision) {
		return decision.status() == DecisionStatus.OFFERED || payments.ofDecision(decision.id()).isEmpty();
	}

	/**
	 * The payee confirms an offer (or names the account for a direct grant): with {@code typedAccount} when given
	 * (checked, kept for next time), else the stored account. The decision is granted and a payment order written; it is
	 * handed to the disbursement after this commits. Answers the problems by field, empty when done; someone else's
	 * decision is not found, one already confirmed is a conflict.
	 */
	@Transactional
	public Map<String, Problem> confirm(UUID id, String payeeIndex, String typedAccount) {
		BenefitDecision decision = ofPayee(id, payeeIndex);
		jdbc.sql("select id from proactive_benefit_decision where id = ? for update").param(id).query(UUID.class).single();
		Map<String, Problem> problems = new LinkedHashMap<>();
		if (!awaitsPayee(decision)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "proactive-benefit-decision-moved", "already confirmed");
		}
		String account;
		if (typedAccount != null && !typedAccount.isBlank()) {
			Optional<String> checked = BankAccounts.normalise(typedAccount);
			if (checked.isEmpty()) {
				problems.put("bankAccount", Problem.of("proactive.benefit.error.bankAccount"));
				return problems;
			}
			account = checked.get();
			accounts.keep(payeeIndex, account);
		}
		else {
			Optional<String> stored = accounts.of(payeeIndex);
			if (stored.isEmpty()) {
				problems.put("bankAccount", Problem.of("proactive.benefit.error.bankAccountMissing"));
				return problems;
			}
			account = stored.get();
		}
		if (decision.status() == DecisionStatus.OFFERED) {
			moves.move(id, DecisionStatus.OFFERED, DecisionStatus.GRANTED, new BenefitEvents.BenefitConfirmed(id), "proactive-benefit-decision-moved",
					"confirmed_at = now()");
		}
		BenefitPolicy policy = policyOf(decision);
		payments.order(id, policy.departmentCode(), policy.name(), decision.amount(), decision.period(), decision.payeeName(), account);
		return problems;
	}

	/**
	 * Corrects a decision's amount after an upheld contest; when it is granted and more is due than its orders hold, a
	 * payment order for the difference goes to the payee's account.
	 */
	void correct(BenefitDecision decision, BigDecimal amount, UUID contestId) {
		jdbc.sql("update proactive_benefit_decision set amount = ?, corrected_by_contest = ? where id = ?").params(amount, contestId, decision.id()).update();
		if (decision.status() != DecisionStatus.GRANTED) {
			return;
		}
		BigDecimal due = amount.subtract(payments.orderedFor(decision.id()));
		Optional<String> account = accounts.of(decision.payeeIndex());
		if (due.signum() > 0 && account.isPresent()) {
			BenefitPolicy policy = policyOf(decision);
			payments.order(decision.id(), policy.departmentCode(), policy.name(), due, decision.period(), decision.payeeName(), account.get());
		}
	}

	private Optional<BenefitDecision> find(UUID id) {
		return jdbc.sql("select * from proactive_benefit_decision where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	private BenefitDecision row(ResultSet rs) throws SQLException {
		return new BenefitDecision(rs.getObject("id", UUID.class), rs.getObject("policy_id", UUID.class), rs.getInt("policy_version"),
				rs.getObject("batch_id", UUID.class), rs.getString("payee_index"), keys.decrypt(rs.getString("payee_name")), rs.getString("period"),
				rs.getObject("decided_on", LocalDate.class), json.readValue(keys.decrypt(rs.getString("values_used")), VALUES),
				rs.getBigDecimal("amount"), DecisionStatus.valueOf(rs.getString("status")), rs.getTimestamp("decided_at").toInstant(),
				PaymentOrders.instant(rs.getTimestamp("confirmed_at")), rs.getObject("corrected_by_contest", UUID.class));
	}
}
