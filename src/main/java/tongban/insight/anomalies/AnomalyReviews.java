package tongban.insight.anomalies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.exchange.ReadLog;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * Review tasks of hits for the supervisors of the reading department's region (a region's code covers the regions under
 * it; a hit outside it is not found): the hits, the evidence (each view recorded in the audit trail as a read of
 * personal data), and the decision (cleared or confirmed, with a reason, audited).
 */
@Service
public class AnomalyReviews {

	/** A hit as listed. {@code subject} is the person read as a pseudonym (never who they are). */
	public record HitRow(UUID id, LocalDate day, AnomalyRule rule, String departmentName, String staffName, String subject, long count,
			String figureA, String figureB, AnomalyStatus status, String reason, String decidedBy, Instant decidedAt) {
	}

	/** One read behind a hit, as the supervisor sees it: the person as a pseudonym, the staff member named. */
	public record Evidence(long id, Instant at, String subject, String departmentName, String reader, String resourceName, List<String> fields,
			String purpose, String caseNumber, String outcome) {
	}

	private static final String COLUMNS = """
			select id, day, rule, department_code, staff_name, subject_index, read_count, figure_a, figure_b, status, reason, decided_by,
			  decided_at from insight_anomaly_hit""";

	private final JdbcClient jdbc;
	private final ReadLog log;
	private final ResourceCatalogue catalogue;
	private final DirectoryManagement directory;
	private final AuditTrail audit;
	private final GuardedMoves<AnomalyStatus> moves;

	AnomalyReviews(JdbcClient jdbc, ReadLog log, ResourceCatalogue catalogue, DirectoryManagement directory, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.log = log;
		this.catalogue = catalogue;
		this.directory = directory;
		this.audit = audit;
		this.moves = new GuardedMoves<>(jdbc, events, AnomalyStatus.GRAPH, "insight_anomaly_hit");
	}

	/** The hits of the supervisor's region, open ones first, newest day first. */
	@Transactional(readOnly = true)
	public List<HitRow> hits(StaffMember supervisor) {
		return jdbc.sql(COLUMNS + " where region_code like ? order by (status = 'OPEN') desc, day desc, rule, subject_key limit 200")
			.param(scope(supervisor))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A hit of the supervisor's region. */
	@Transactional(readOnly = true)
	public Optional<HitRow> hit(UUID id, StaffMember supervisor) {
		return jdbc.sql(COLUMNS + " where id = ? and region_code like ?").params(id, scope(supervisor)).query((rs, n) -> row(rs)).optional();
	}

	/** The reads behind a hit of the supervisor's region; the view is recorded in the audit trail as a read. */
	@Transactional
	public List<Evidence> evidence(UUID id, StaffMember supervisor) {
		hit(id, supervisor).orElseThrow(() -> DomainException.notFound("anomaly"));
		List<Long> ids = jdbc.sql("select access_id from insight_anomaly_read where hit_id = ? order by access_id").param(id).query(Long.class).list();
		List<Evidence> evidence = log.readsById(ids).stream().map(this::evidence).toList();
		audit.record(AuditTrail.DATA_READ, "staff:" + supervisor.id(), "anomaly:" + id, "evidence of an anomaly viewed: " + ids.size() + " reads");
		return evidence;
	}

	/** Clears or confirms an open hit of the supervisor's region with a reason (1 to 500 characters). */
	@Transactional
	public void decide(UUID id, AnomalyStatus to, String reason, StaffMember supervisor) {
		hit(id, supervisor).orElseThrow(() -> DomainException.notFound("anomaly"));
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "insight-anomaly-reason", "a reason of 1 to 500 characters is required");
		}
		Object event = to == AnomalyStatus.CONFIRMED ? new AnomalyStatus.AnomalyConfirmed(id, supervisor.name())
				: new AnomalyStatus.AnomalyCleared(id, supervisor.name());
		moves.move(id, AnomalyStatus.OPEN, to, event, AnomalyStatus.GRAPH.conflictCode(), "reason = ?, decided_by = ?, decided_at = now()",
				reason.strip(), supervisor.name());
		audit.record("ANOMALY_REVIEW", "staff:" + supervisor.id(), "anomaly:" + id, to.name() + ": " + reason.strip());
	}

	private HitRow row(ResultSet rs) throws SQLException {
		String index = rs.getString("subject_index");
		return new HitRow(rs.getObject("id", UUID.class), rs.getObject("day", LocalDate.class), AnomalyRule.valueOf(rs.getString("rule")),
				department(rs.getString("department_code")), rs.getString("staff_name"), index == null ? null : pseudonym(index),
				rs.getLong("read_count"), figure(rs.getDouble("figure_a")), figure(rs.getDouble("figure_b")),
				AnomalyStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());
	}

	private Evidence evidence(ReadLog.Read read) {
		Resource resource = catalogue.resource(read.resourceCode()).orElse(null);
		return new Evidence(read.id(), read.at(), pseudonym(read.subjectIndex()), department(read.departmentCode()),
				read.staffName() == null ? read.clientId() : read.staffName(), resource == null ? read.resourceCode() : resource.name(),
				read.fields().stream().map(f -> resource == null ? f : resource.label(f)).toList(), read.purpose(), read.caseNumber(), read.outcome());
	}

	private String department(String code) {
		return directory.departmentByCode(code).map(DepartmentView::name).orElse(code);
	}

	/** The person read, as a pseudonym: the start of their blind index, enough to tell people apart, nothing to find them by. */
	static String pseudonym(String subjectIndex) {
		return "#" + subjectIndex.substring(0, Math.min(8, subjectIndex.length())).toUpperCase(Locale.ROOT);
	}

	/** A figure without a trailing ".0" when it is whole. */
	static String figure(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String scope(StaffMember supervisor) {
		if (supervisor.regionScope() == null) {
			throw DomainException.notFound("anomaly");
		}
		return supervisor.regionScope().replaceAll("0+$", "") + "%";
	}
}
