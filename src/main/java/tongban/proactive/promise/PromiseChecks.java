package tongban.proactive.promise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.casework.CaseId;
import tongban.casework.CasePromise;
import tongban.casework.CasePromises;
import tongban.casework.Cases;
import tongban.casework.DecisionRevocation;
import tongban.casework.Filing;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.licence.CaseLicences;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.GuardedMoves;
import tongban.shared.WorkingCalendars;

/**
 * Post-approval checks (核查) of cases approved under a 告知承诺 (国办发〔2020〕42号: 在规定时间内 … 核查, by sampling):
 * an approved case whose promise was signed is drawn at its item's rate ({@link PromiseSampling}); a drawn case gets a
 * check due within the item's deadline in working days, done by APPROVER or DEPT_ADMIN staff of the item's department
 * (anyone else: not found). The result is recorded with its findings and audited. A false promise, in one transaction:
 * the decision is revoked ({@link DecisionRevocation}), the case's licences revoked ({@link CaseLicences}), the breach
 * recorded on the party with a restriction on promising again, and the applicant told.
 */
@Service
@Transactional
public class PromiseChecks {

	/** The outcomes staff choose from. */
	public static final String CONFIRMED = "CONFIRMED", FALSE_PROMISE = "FALSE_PROMISE";

	/** The longest findings kept. */
	public static final int MAX_FINDINGS = 2000;

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, case_id, case_number, item_code, item_name, department_code, party_kind, party_id, party_name, applicant_account_id,
			promise_version, replaced::text as replaced, due_on, status, findings, checked_by, checked_at, lock_version""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CasePromises casePromises;
	private final ItemPromises itemPromises;
	private final Cases cases;
	private final CatalogManagement catalog;
	private final DecisionRevocation revocation;
	private final CaseLicences licences;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final WorkingCalendars calendars;
	private final AuditTrail audit;
	private final GuardedMoves<PromiseCheck.Status> moves;
	private final int restrictionMonths;
	private final RowMapper<PromiseCheck> row;

	PromiseChecks(JdbcClient jdbc, JsonMapper json, CasePromises casePromises, ItemPromises itemPromises, Cases cases,
			CatalogManagement catalog, DecisionRevocation revocation, CaseLicences licences, IdentityManagement identity,
			NotificationManagement notifications, WorkingCalendars calendars, AuditTrail audit, ApplicationEventPublisher events,
			@Value("${tongban.proactive.promise.restriction-months:12}") int restrictionMonths) {
		this.jdbc = jdbc;
		this.json = json;
		this.casePromises = casePromises;
		this.itemPromises = itemPromises;
		this.cases = cases;
		this.catalog = catalog;
		this.revocation = revocation;
		this.licences = licences;
		this.identity = identity;
		this.notifications = notifications;
		this.calendars = calendars;
		this.audit = audit;
		this.moves = new GuardedMoves<>(jdbc, events, PromiseTransitions.GRAPH, "proactive_promise_check");
		this.restrictionMonths = restrictionMonths;
		this.row = (rs, n) -> new PromiseCheck(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
				rs.getString("item_code"), rs.getString("item_name"), rs.getString("department_code"), rs.getString("party_kind"),
				rs.getObject("party_id", UUID.class), rs.getString("party_name"), rs.getObject("applicant_account_id", UUID.class),
				rs.getInt("promise_version"), json.readValue(rs.getString("replaced"), NAMES), rs.getObject("due_on", LocalDate.class),
				PromiseCheck.Status.valueOf(rs.getString("status")), rs.getString("findings"), rs.getString("checked_by"),
				rs.getObject("checked_at", OffsetDateTime.class), rs.getLong("lock_version"));
	}

	/**
	 * Draws an approved case: nothing when it was not applied for under a signed promise or was drawn before; else the
	 * draw is recorded and, when the case is sampled, its check created. Answers the check.
	 */
	public Optional<PromiseCheck> sample(CaseId caseId, String caseNumber) {
		Optional<CasePromise> signed = casePromises.of(caseId).filter(CasePromise::signed);
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		CasePromise promise = signed.get();
		Optional<ItemPromise> item = itemPromises.find(promise.itemCode());
		int rate = item.map(ItemPromise::samplePercent).orElse(ItemPromise.DEFAULT_SAMPLE_PERCENT);
		int days = item.map(ItemPromise::checkDays).orElse(ItemPromise.DEFAULT_CHECK_DAYS);
		boolean sampled = PromiseSampling.sampled(caseId.value(), rate);
		int drawn = jdbc.sql("insert into proactive_promise_draw (case_id, sampled, sample_percent, ticket) values (?, ?, ?, ?) on conflict do nothing")
			.params(caseId.value(), sampled, rate, PromiseSampling.ticket(caseId.value()))
			.update();
		if (drawn == 0 || !sampled) {
			return Optional.empty();
		}
		Filing filing = cases.filing(caseId).orElseThrow(() -> DomainException.notFound("case"));
		String itemName = catalog.published(promise.itemCode()).map(p -> p.guide().name()).orElse(promise.itemCode());
		LocalDate due = calendars.current().addWorkingDays(LocalDate.now(Clocks.ZONE), days);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into proactive_promise_check (id, case_id, case_number, item_code, item_name, department_code, party_kind, party_id,
				  party_name, applicant_account_id, promise_version, replaced, due_on, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'DUE')""")
			.params(id, caseId.value(), caseNumber, promise.itemCode(), itemName, filing.departmentCode(), filing.party().kind().name(),
					filing.party().id(), filing.party().name(), filing.applicantAccountId(), promise.version(),
					json.writeValueAsString(promise.replaced()), due)
			.update();
		return Optional.of(load(id));
	}

	/** The checks of the staff member's department: open ones first, the nearest deadline first, then the latest done. */
	@Transactional(readOnly = true)
	public List<PromiseCheck> ofDepartment(StaffMember staff, int limit) {
		requireChecker(staff);
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_check where department_code = ?"
				+ " order by case when status in ('DUE', 'OVERDUE') then 0 else 1 end, due_on, checked_at desc limit ?")
			.params(staff.departmentCode(), limit)
			.query(row)
			.list();
	}

	/** One check of the staff member's department; another department's (or none) is not found. */
	@Transactional(readOnly = true)
	public PromiseCheck find(StaffMember staff, UUID id) {
		requireChecker(staff);
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_check where id = ? and department_code = ?")
			.params(id, staff.departmentCode())
			.query(row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("promise-check"));
	}

	/** The check of a case, whoever asks (for tests and the case's own pages). */
	@Transactional(readOnly = true)
	public Optional<PromiseCheck> ofCase(CaseId caseId) {
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_check where case_id = ?").param(caseId.value()).query(row).optional();
	}

	/**
	 * Records the result of an open check: {@link #CONFIRMED} or {@link #FALSE_PROMISE}, with the findings. Problems
	 * ({@code outcome}, {@code findings}) change nothing; a check done meanwhile is a conflict.
	 */
	public List<FieldProblem> record(StaffMember staff, UUID id, String outcome, String findings) {
		PromiseCheck check = find(staff, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (!CONFIRMED.equals(outcome) && !FALSE_PROMISE.equals(outcome)) {
			problems.add(new FieldProblem("outcome", "proactive.promise.check.error.outcome", List.of()));
		}
		String text = findings == null ? "" : findings.strip();
		if (text.isEmpty()) {
			problems.add(new FieldProblem("findings", "proactive.promise.check.error.findings", List.of()));
		}
		else if (text.length() > MAX_FINDINGS) {
			problems.add(new FieldProblem("findings", "proactive.promise.check.error.findingsLong", List.of(MAX_FINDINGS)));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		String changes = "findings = ?, checked_by = ?, checked_at = now(), lock_version = lock_version + 1";
		if (CONFIRMED.equals(outcome)) {
			moves.move(id, check.status(), PromiseCheck.Status.CONFIRMED, new PromiseCheckEvents.PromiseConfirmed(id, check.caseId(), staff.name()),
					PromiseTransitions.CONFLICT_CODE, changes, text, staff.name());
			audit.record("PROMISE_CHECK", "staff:" + staff.id(), "case:" + check.caseId(), "核查属实：" + check.caseNumber() + "，" + text);
			tell(check, "PROMISE_CONFIRMED", Map.of(), "/cases/" + check.caseId());
			return List.of();
		}
		moves.move(id, check.status(), PromiseCheck.Status.FALSE_PROMISE, new PromiseCheckEvents.PromiseBroken(id, check.caseId(), staff.name()),
				PromiseTransitions.CONFLICT_CODE, changes, text, staff.name());
		String reason = "告知承诺核查不实：" + text;
		revocation.revoke(CaseId.of(check.caseId()), staff.name(), reason);
		var revoked = licences.revokeIssuedOn(check.caseId(), check.departmentCode(), reason, staff.name());
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate until = today.plusMonths(restrictionMonths).minusDays(1);
		jdbc.sql("""
				insert into proactive_promise_breach (id, check_id, party_kind, party_id, party_name, case_id, case_number, item_code,
				  item_name, department_code, recorded_on, restricted_until, findings, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id, check.partyKind(), check.partyId(), check.partyName(), check.caseId(), check.caseNumber(),
					check.itemCode(), check.itemName(), check.departmentCode(), today, until, text, staff.name())
			.update();
		audit.record("PROMISE_CHECK", "staff:" + staff.id(), "case:" + check.caseId(), "核查不实：" + check.caseNumber() + "，撤销准予决定，吊销证照 "
				+ revoked.size() + " 件，记入失信记录至 " + until + "；" + text);
		tell(check, "PROMISE_BREACH", Map.of("until", until.toString(), "findings", text), "/account/promise-record");
		return List.of();
	}

	/** Marks the open checks past their deadline on {@code today} as overdue, once each; answers how many. */
	public int markOverdue(LocalDate today) {
		List<UUID> late = jdbc.sql("select id from proactive_promise_check where status = 'DUE' and due_on < ? for update skip locked")
			.param(today)
			.query(UUID.class)
			.list();
		for (UUID id : late) {
			UUID caseId = jdbc.sql("select case_id from proactive_promise_check where id = ?").param(id).query(UUID.class).single();
			moves.move(id, PromiseCheck.Status.DUE, PromiseCheck.Status.OVERDUE, new PromiseCheckEvents.CheckOverdue(id, caseId),
					PromiseTransitions.CONFLICT_CODE, "");
		}
		return late.size();
	}

	private void tell(PromiseCheck check, String event, Map<String, String> extra, String link) {
		identity.contact(check.applicantAccountId()).ifPresent(c -> {
			Map<String, String> vars = new HashMap<>(Map.of("itemName", check.itemName(), "caseNumber", check.caseNumber()));
			vars.putAll(extra);
			notifications.notify(new NotificationManagement.Recipient(c.accountId(), c.name(), c.mobile(), c.email()), event, vars, link,
					check.caseId());
		});
	}

	private PromiseCheck load(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_check where id = ?").param(id).query(row).single();
	}

	/** Checks are done by the department's approvers and admins. */
	private static void requireChecker(StaffMember staff) {
		if (staff == null || staff.departmentCode() == null || !staff.hasAny(Role.APPROVER, Role.DEPT_ADMIN)) {
			throw DomainException.notFound("promise-check");
		}
	}
}
