package tongban.exchange;

import static tongban.exchange.Texts.blank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * 谁查询了我的数据: the reads of a person's or company's data as they see them, their reports of reads they find wrong,
 * and the answers of the supervisors of the reading department's region.
 */
@Service
public class AccessRecords {

	private static final String ACCESS_COLUMNS = "a.id, a.at, a.resource_code, a.consumer_department_code, a.client_id, a.staff_name, a.fields, "
			+ "a.purpose, a.case_number, a.outcome";

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final AuditTrail audit;
	private final ResourceCatalogue catalogue;
	private final DirectoryManagement directory;

	AccessRecords(JdbcClient jdbc, DataKeys keys, AuditTrail audit, ResourceCatalogue catalogue, DirectoryManagement directory) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.audit = audit;
		this.catalogue = catalogue;
		this.directory = directory;
	}

	/** A read as shown: the staff member's name masked for the subject, in full for supervisors. */
	private Access access(ResultSet rs, boolean maskStaff, boolean reported) throws SQLException {
		Resource resource = catalogue.resource(rs.getString("resource_code")).orElse(null);
		String department = rs.getString("consumer_department_code");
		String staff = rs.getString("staff_name");
		return new Access(rs.getLong("id"), rs.getTimestamp("at").toInstant(), department,
				directory.departmentByCode(department).map(DepartmentView::name).orElse(department),
				"PREFILL".equals(rs.getString("outcome")) ? "" : staff == null ? "系统（" + rs.getString("client_id") + "）" : maskStaff ? Masking.name(staff) : staff,
				resource == null ? rs.getString("resource_code") : resource.name(),
				Arrays.stream((String[]) rs.getArray("fields").getArray()).map(f -> resource == null ? f : resource.label(f)).toList(),
				rs.getString("purpose"), rs.getString("case_number"), rs.getString("outcome"), reported);
	}

	/** Every read of the subject's data, newest first: the department, the staff member masked (or the system), fields, purpose, case. */
	@Transactional(readOnly = true)
	public List<Access> readsOf(String subject, UUID reporter, int limit) {
		return jdbc.sql("select " + ACCESS_COLUMNS + """
				, exists (select 1 from exchange_report p where p.access_id = a.id and p.reporter_account = ?) as reported
				from exchange_access a where a.subject_index = ? order by a.at desc, a.id desc limit ?""")
			.params(reporter, keys.blindIndex(subject), limit)
			.query((rs, n) -> access(rs, true, rs.getBoolean("reported")))
			.list();
	}

	/**
	 * The subject reports a read they find wrong: a ticket for the supervisors of the reading department's region. Only a
	 * read of one's own data can be reported (another's is "not found"), once.
	 */
	@Transactional
	public UUID report(long accessId, String subject, UUID reporter, String reason) {
		String index = keys.blindIndex(subject);
		String department = jdbc.sql("select consumer_department_code from exchange_access where id = ? and subject_index = ?")
			.params(accessId, index)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("access"));
		if (blank(reason) || reason.length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-report-reason", "a reason is required");
		}
		String region = directory.departmentByCode(department).map(DepartmentView::regionCode).orElse("");
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("insert into exchange_report (id, access_id, reporter_account, region_code, reason, status) values (?, ?, ?, ?, ?, 'OPEN')"
				+ " on conflict (access_id, reporter_account) do nothing")
			.params(id, accessId, reporter, region, reason.strip())
			.update();
		if (inserted == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-report-twice", "already reported");
		}
		audit.record(AuditTrail.DATA_READ, "account:" + reporter, "subject:" + index, "read " + accessId + " reported: " + reason.strip());
		return id;
	}

	/** Reports for the supervisors of a region (a region's code covers the regions under it), open ones first. */
	@Transactional(readOnly = true)
	public List<AccessReport> reports(String regionScope) {
		return jdbc.sql("""
				select p.id, p.access_id, p.region_code, p.reason, p.status, p.answer, p.answered_by, p.created_at, p.answered_at
				from exchange_report p where p.region_code like ? order by (p.status = 'OPEN') desc, p.created_at desc limit 200""")
			.param(regionPrefix(regionScope) + "%")
			.query((rs, n) -> new AccessReport(rs.getObject("id", UUID.class), rs.getLong("access_id"), rs.getString("region_code"),
					rs.getString("reason"), rs.getString("status"), rs.getString("answer"), rs.getString("answered_by"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
					accessById(rs.getLong("access_id"))))
			.list();
	}

	private Access accessById(long id) {
		return jdbc.sql("select " + ACCESS_COLUMNS + " from exchange_access a where a.id = ?").param(id).query((rs, n) -> access(rs, false, true)).single();
	}

	/** A supervisor answers a report (what was found, what was done). */
	@Transactional
	public void answer(UUID reportId, String regionScope, String answer, String answeredBy) {
		if (blank(answer) || answer.length() > 1000) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-report-answer", "an answer is required");
		}
		int updated = jdbc.sql("update exchange_report set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = now() where id = ? and region_code like ?")
			.params(answer.strip(), answeredBy, reportId, regionPrefix(regionScope) + "%")
			.update();
		if (updated == 0) {
			throw DomainException.notFound("report");
		}
	}

	/** The codes of a region and the regions under it start with this (a region's code without its trailing zeros). */
	private static String regionPrefix(String regionScope) {
		return regionScope == null ? "" : regionScope.replaceAll("0+$", "");
	}
}
