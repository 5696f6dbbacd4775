package tongban.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * Bad ratings whose rectification is past its limit (核实 or 整改 not done in time, 国办发〔2019〕51号), for the rules
 * that supervise departments: read here, from feedback's own table, so that no other module reads it.
 */
@Service
public class LateRectifications {

	/** A task past the limit of the step it waits at. */
	public record Late(UUID taskId, String departmentCode, String regionCode, RectificationStatus status, LocalDate due) {
	}

	private final JdbcClient jdbc;

	LateRectifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open tasks of departments in the region (by code prefix) past their limit today, the oldest first; at most 500. */
	@Transactional(readOnly = true)
	public List<Late> late(String regionPrefix) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return jdbc.sql("""
				select id, department_code, region_code, status, case when status = 'VERIFYING' and verify_due < ? then verify_due else rectify_due end as due
				from feedback_rectification where region_code like ?
				and ((status = 'VERIFYING' and verify_due < ?) or (status in ('VERIFYING', 'RECTIFYING') and rectify_due < ?))
				order by opened_on, id limit 500""")
			.params(today, regionPrefix + "%", today, today)
			.query((rs, n) -> new Late(rs.getObject("id", UUID.class), rs.getString("department_code"), rs.getString("region_code"),
					RectificationStatus.valueOf(rs.getString("status")), rs.getObject("due", LocalDate.class)))
			.list();
	}
}
