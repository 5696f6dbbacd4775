package tongban.proactive.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.proactive.opendata.ApplicationStatus.AccessApproved;
import tongban.proactive.opendata.ApplicationStatus.AccessRefused;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * Applications for 有条件开放 datasets: a signed-in person says the purpose, the intended use, the security measures and
 * for how many months; the providing department's admin approves (a key scoped to the dataset, expiring at the end of
 * the period, is then collected by the applicant and shown once) or refuses with a reason. Every decision is audited.
 */
@Service
public class AccessApplications {

	static final String TABLE = "proactive_opendata_application";
	private static final String COLUMNS = "id, dataset_id, account_id, applicant_name, purpose, intended_use, security_measures, period_months,"
			+ " status, decided_by, decided_at, reason, created_at";

	/** An application as its applicant and the department see it. */
	public record Application(UUID id, String datasetId, UUID accountId, String applicantName, String purpose, String intendedUse,
			String securityMeasures, int periodMonths, ApplicationStatus status, String decidedBy, Instant decidedAt, String reason, Instant createdAt) {
	}

	/** What the applicant typed. */
	public record Form(String purpose, String intendedUse, String securityMeasures, String periodMonths) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Datasets datasets;
	private final ApiKeys keys;
	private final GuardedMoves<ApplicationStatus> moves;

	AccessApplications(JdbcClient jdbc, AuditTrail audit, Datasets datasets, ApiKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.datasets = datasets;
		this.keys = keys;
		this.moves = new GuardedMoves<>(jdbc, events, ApplicationStatus.GRAPH, TABLE);
	}

	private static Application application(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Application(rs.getObject("id", UUID.class), rs.getString("dataset_id"), rs.getObject("account_id", UUID.class),
				rs.getString("applicant_name"), rs.getString("purpose"), rs.getString("intended_use"), rs.getString("security_measures"),
				rs.getInt("period_months"), ApplicationStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
	}

	/** The problems of a form by field (message keys), empty when it may be submitted. */
	public static Map<String, String> problems(Form form) {
		Map<String, String> problems = new LinkedHashMap<>();
		text(problems, "purpose", form.purpose(), 500);
		text(problems, "intendedUse", form.intendedUse(), 1000);
		text(problems, "securityMeasures", form.securityMeasures(), 1000);
		if (form.periodMonths() == null || !form.periodMonths().strip().matches("\\d{1,2}") || Integer.parseInt(form.periodMonths().strip()) < 1
				|| Integer.parseInt(form.periodMonths().strip()) > 12) {
			problems.put("periodMonths", "opendata.apply.error.periodMonths");
		}
		return problems;
	}

	private static void text(Map<String, String> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.put(field, "opendata.apply.error." + field);
		}
		else if (value.length() > max) {
			problems.put(field, "opendata.apply.error." + field + ".invalid");
		}
	}

	/**
	 * A signed-in person applies for a published conditional dataset; answers the problems by field, or the application.
	 * An unconditional, draft or withdrawn dataset is not found.
	 */
	@Transactional
	public Object apply(String datasetId, UUID accountId, String applicantName, Form form) {
		Dataset dataset = datasets.served(datasetId);
		if (!dataset.conditional()) {
			throw DomainException.notFound("dataset");
		}
		Map<String, String> problems = problems(form);
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into " + TABLE + " (id, dataset_id, account_id, applicant_name, purpose, intended_use, security_measures, period_months, status)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')")
			.params(id, datasetId, accountId, applicantName, form.purpose().strip(), form.intendedUse().strip(), form.securityMeasures().strip(),
					Integer.parseInt(form.periodMonths().strip()))
			.update();
		audit.record(AuditTrail.GRANT, "account:" + accountId, "opendata-application:" + id, "applied for open-data dataset " + datasetId);
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Application> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where id = ?").param(id).query((rs, n) -> application(rs)).optional();
	}

	/** The applicant's own application; another's is not found. */
	public Application ofApplicant(UUID id, UUID accountId) {
		return find(id).filter(a -> a.accountId().equals(accountId)).orElseThrow(() -> DomainException.notFound("application"));
	}

	/** A person's applications, newest first. */
	@Transactional(readOnly = true)
	public List<Application> ofAccount(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where account_id = ? order by created_at desc")
			.param(accountId)
			.query((rs, n) -> application(rs))
			.list();
	}

	/** The applications for a department's datasets, those waiting first. */
	@Transactional(readOnly = true)
	public List<Application> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS.replace(", ", ", a.").replaceFirst("^", "a.") + " from " + TABLE + " a join "
				+ Datasets.TABLE + " d on d.id = a.dataset_id where d.publisher = ? order by (a.status = 'SUBMITTED') desc, a.created_at desc")
			.param(departmentCode)
			.query((rs, n) -> application(rs))
			.list();
	}

	/**
	 * The providing department's admin approves: the applicant may then collect a key scoped to the dataset that expires
	 * at the end of the period counted from today. Another department's application is not found; a decided one is a
	 * conflict.
	 */
	@Transactional
	public void approve(UUID id, String departmentCode, String by) {
		Application application = provided(id, departmentCode);
		moves.move(id, application.status(), ApplicationStatus.APPROVED, new AccessApproved(id, application.datasetId(), by),
				"opendata-application-decided", "decided_by = ?, decided_at = now()", by);
		audit.record(AuditTrail.GRANT, by, "opendata-application:" + id, "approved open-data access to " + application.datasetId() + " for "
				+ application.periodMonths() + " months");
	}

	/**
	 * The applicant collects the key of their approved application: issued now and answered once (only its hash is kept).
	 * Collecting again issues a new key and revokes the earlier one (a lost key is replaced, never shown twice). Until
	 * approval, or after refusal, a conflict.
	 */
	@Transactional
	public String collectKey(Application application) {
		if (application.status() != ApplicationStatus.APPROVED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "opendata-application-not-approved", "not approved");
		}
		Instant expires = application.decidedAt().atZone(Clocks.ZONE).toLocalDate().plusMonths(application.periodMonths()).plusDays(1)
			.atStartOfDay(Clocks.ZONE).toInstant();
		jdbc.sql("update proactive_opendata_key set revoked_at = now() where application_id = ? and revoked_at is null").param(application.id()).update();
		String key = keys.issue(application.accountId(), application.datasetId(), application.id(), expires);
		audit.record(AuditTrail.GRANT, "account:" + application.accountId(), "opendata-application:" + application.id(), "open-data key collected");
		return key;
	}

	/** The providing department's admin refuses with a reason (refused at the field without one). */
	@Transactional
	public void refuse(UUID id, String departmentCode, String reason, String by) {
		Application application = provided(id, departmentCode);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "opendata-refusal-reason", "a reason is required");
		}
		moves.move(id, application.status(), ApplicationStatus.REFUSED, new AccessRefused(id, application.datasetId(), by, reason.strip()),
				"opendata-application-decided", "decided_by = ?, decided_at = now(), reason = ?", by, reason.strip());
		audit.record(AuditTrail.GRANT, by, "opendata-application:" + id, "refused open-data access to " + application.datasetId() + ": " + reason.strip());
	}

	private Application provided(UUID id, String departmentCode) {
		Application application = find(id).orElseThrow(() -> DomainException.notFound("application"));
		datasets.own(application.datasetId(), departmentCode);
		return application;
	}
}
