package tongban.exchange;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of shared data per day and consuming department, counted from exchange's own read records for the indicators
 * (insight's 数据共享调用量): a read is every served, revealed or prefilled access.
 */
@Service
@Transactional(readOnly = true)
public class ReadCounts {

	private final JdbcClient jdbc;

	ReadCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each department's reads per day over the days {@code from}..{@code to} (Asia/Shanghai), streamed to {@code sink}. */
	public void forEach(LocalDate from, LocalDate to, Consumer<ReadCount> sink) {
		try (Stream<ReadCount> counts = jdbc.sql("""
				select (at at time zone 'Asia/Shanghai')::date as day, consumer_department_code, count(*) as reads from exchange_access
				where at >= (?::date)::timestamp at time zone 'Asia/Shanghai' and at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'
				group by 1, 2""")
			.withFetchSize(1000)
			.params(from, to)
			.query((rs, row) -> new ReadCount(rs.getObject("day", LocalDate.class), rs.getString("consumer_department_code"), rs.getLong("reads")))
			.stream()) {
			counts.forEach(sink);
		}
	}
}
