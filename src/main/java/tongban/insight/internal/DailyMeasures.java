package tongban.insight.internal;

import java.time.LocalDate;

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

	private final JdbcClient jdbc;

	DailyMeasures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(LocalDate day, String department, String region, String item, Measure measure, long delta) {
		if (delta == 0) {
			return;
		}
		jdbc.sql("""
				insert into insight_daily (day, department_code, region_code, item_code, measure, value) values (?, ?, ?, ?, ?, ?)
				on conflict (day, department_code, region_code, item_code, measure) do update set value = insight_daily.value + excluded.value""")
			.params(day, orEmpty(department), orEmpty(region), orEmpty(item), measure.name(), delta)
			.update();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
