package tongban.hall.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * 帮办代办 counts per point and month (Asia/Shanghai): online-help conversations answered (by the point of the helper's
 * window, in the month of the first answer), home visits requested (month requested) and done (confirmed), and cases
 * filed through home visits (month visited). Only points and months with something to count appear.
 */
@Service
@Transactional(readOnly = true)
public class AssistStatistics {

	/** One point's counts of one month. */
	public record Row(UUID pointId, String month, int helpAnswered, int visitsRequested, int visitsDone, int casesFiled) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AssistStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The counts of the last {@code months} months up to this one, newest month first, then by point. */
	public List<Row> lastMonths(int months) {
		YearMonth now = YearMonth.now(clock.withZone(Clocks.ZONE));
		LocalDate from = now.minusMonths(Math.max(0, months - 1)).atDay(1);
		Timestamp since = Timestamp.from(from.atStartOfDay(Clocks.ZONE).toInstant());
		return jdbc.sql("""
				with facts as (
				  select point_id, answered_at as at, 1 as answered, 0 as requested, 0 as done, 0 as filed
				    from hall_assist_conversation where answered_at >= :since and point_id is not null
				  union all
				  select point_id, requested_at, 0, 1, 0, 0 from hall_home_visit where requested_at >= :since and point_id is not null
				  union all
				  select point_id, confirmed_at, 0, 0, 1, 0 from hall_home_visit where confirmed_at >= :since
				  union all
				  select point_id, visited_at, 0, 0, 0, 1 from hall_home_visit where visited_at >= :since and case_id is not null)
				select point_id, to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, sum(answered) as help_answered,
				  sum(requested) as visits_requested, sum(done) as visits_done, sum(filed) as cases_filed
				from facts group by point_id, month order by month desc, point_id""")
			.param("since", since)
			.query(Row.class)
			.list();
	}
}
