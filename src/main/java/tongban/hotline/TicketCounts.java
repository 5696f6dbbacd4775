package tongban.hotline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * How many 12345 tickets came in per month, category and region (a township where known), for published statistics
 * (the open-data portal): counts only, nothing about the people who called. Read from hotline's own table.
 */
@Service
@Transactional(readOnly = true)
public class TicketCounts {

	/** The tickets of one month, category and region; merged tickets are counted once, in the ticket they went into. */
	public record MonthlyCount(YearMonth month, String categoryCode, String regionCode, long count) {
	}

	private final JdbcClient jdbc;

	TicketCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts of the months {@code from}..{@code to} (by when the ticket came in, Asia/Shanghai), in order. */
	public List<MonthlyCount> monthly(YearMonth from, YearMonth to) {
		LocalDate start = from.atDay(1);
		LocalDate end = to.plusMonths(1).atDay(1);
		return jdbc.sql("""
				select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, category_code, region_code, count(*) as n
				from hotline_ticket where status <> 'MERGED' and created_at >= ? and created_at < ?
				group by 1, 2, 3 order by 1, 2, 3""")
			.params(start.atStartOfDay(Clocks.ZONE).toOffsetDateTime(), end.atStartOfDay(Clocks.ZONE).toOffsetDateTime())
			.query((rs, n) -> new MonthlyCount(YearMonth.parse(rs.getString("month")), rs.getString("category_code"), rs.getString("region_code"),
					rs.getLong("n")))
			.list();
	}
}
