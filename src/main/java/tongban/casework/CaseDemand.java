package tongban.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.shared.Clocks;

/**
 * How many cases were submitted, per item and day (China Standard Time), for demand forecasts (the insight module):
 * counts only, no applicant. A case taken in at a counter carries the window of its intake visit (casework_visit), so
 * demand can be split by service hall; cases filed online have none.
 */
@Service
public class CaseDemand {

	/** Cases of one item submitted on one day in one department and region, through one intake window (null: online). */
	public record DayCount(LocalDate day, String itemCode, String itemName, String departmentCode, String regionCode, UUID windowId, long cases) {
	}

	private final JdbcClient jdbc;

	CaseDemand(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts of the days from {@code from} to {@code to} inclusive, by day. */
	public List<DayCount> daily(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (c.submitted_at at time zone ?)::date as day, c.item_code, max(c.item_name) as item_name, c.department_code, c.region_code,
				  v.window_id, count(*) as cases
				from casework_case c
				left join lateral (select window_id from casework_visit where case_id = c.id and kind = 'INTAKE' order by at limit 1) v on true
				where c.submitted_at >= (?::date)::timestamp at time zone ? and c.submitted_at < ((?::date) + 1)::timestamp at time zone ?
				group by 1, c.item_code, c.department_code, c.region_code, v.window_id order by 1""")
			.params(Clocks.ZONE.getId(), from, Clocks.ZONE.getId(), to, Clocks.ZONE.getId())
			.query((rs, row) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getString("item_code"), rs.getString("item_name"),
					rs.getString("department_code"), rs.getString("region_code"), rs.getObject("window_id", UUID.class), rs.getLong("cases")))
			.list();
	}
}
