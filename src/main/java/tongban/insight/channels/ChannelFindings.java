package tongban.insight.channels;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.Role;
import tongban.identity.StaffMember;

/**
 * The findings of the last pass as each reader may see them: a department's admin their department's, a supervisor
 * their region's departments', a platform admin all.
 */
@Service
public class ChannelFindings {

	/** A finding as listed. */
	public record Row(FindingKind kind, String departmentCode, String subjectCode, String subjectName, String subjectLink, String detail,
			Instant checkedAt) {
	}

	private final JdbcClient jdbc;

	ChannelFindings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Row> visibleTo(StaffMember staff) {
		String where;
		Object param;
		if (staff.has(Role.PLATFORM_ADMIN)) {
			where = "true or ? is null";
			param = "";
		}
		else if (staff.has(Role.SUPERVISOR) && staff.regionScope() != null) {
			where = "region_code like ?";
			param = staff.regionScope().replaceAll("0+$", "") + "%";
		}
		else {
			where = "department_code = ?";
			param = staff.departmentCode() == null ? "" : staff.departmentCode();
		}
		return jdbc.sql("select kind, department_code, subject_code, subject_name, subject_link, detail, checked_at from insight_channel_finding where "
				+ where + " order by department_code, kind, subject_code, detail limit 1000")
			.param(param)
			.query((rs, n) -> new Row(FindingKind.valueOf(rs.getString("kind")), rs.getString("department_code"), rs.getString("subject_code"),
					rs.getString("subject_name"), rs.getString("subject_link"), rs.getString("detail"), rs.getTimestamp("checked_at").toInstant()))
			.list();
	}
}
