package tongban.insight.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.insight.Measure;

/**
 * Writes the daily counters: {@code add} is an upsert that adds {@code delta} (negative to take a fact back), so a
 * listener only ever adds the difference a fact makes. Department, region and item are '' where they do not apply
 * (a ticket has no item).
 */
@Component
public class DailyMeasures {

	private static final String UPSERT = """
			insert into insight_daily (day, department_code, region_code, item_code, measure, value) values (?, ?, ?, ?, ?, ?)
			on conflict (day, department_code, region_code, item_code, measure) do update set value = insight_daily.value + excluded.value""";

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;

	DailyMeasures(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	public void add(LocalDate day, String department, String region, String item, Measure measure, long delta) {
		if (delta == 0) {
			return;
		}
		jdbc.sql(UPSERT)
			.params(day, orEmpty(department), orEmpty(region), orEmpty(item), measure.name(), delta)
			.update();
	}

	/** One counter's change, for {@link #addAll}. */
	public record Delta(LocalDate day, String department, String region, String item, Measure measure, long delta) {
	}

	/**
	 * As {@link #add} for many counters in one round trip (the listeners' and the backfill's path), in the order given:
	 * callers sort them so that concurrent writers lock the same rows in the same order.
	 */
	public void addAll(List<Delta> deltas) {
		List<Object[]> rows = deltas.stream()
			.filter(d -> d.delta() != 0)
			.map(d -> new Object[] { d.day(), orEmpty(d.department()), orEmpty(d.region()), orEmpty(d.item()), d.measure().name(), d.delta() })
			.toList();
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate(UPSERT, rows);
		}
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
