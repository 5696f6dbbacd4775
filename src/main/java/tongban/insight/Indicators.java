package tongban.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators as everyone reads them (dashboards, the public page, the API, the assessment): sums of the daily
 * counters in {@code insight_daily}, never a rescan of cases. Whole months are read from the monthly roll-ups, the days
 * before and after them from the daily counters, both from the item-less roll-ups unless an item is asked for.
 */
@Service
public class Indicators {

	private final JdbcClient jdbc;

	Indicators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures the filter asks for, ordered by indicator then key. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> values(IndicatorFilter filter) {
		Set<Measure> measures = EnumSet.noneOf(Measure.class);
		for (Indicator indicator : filter.indicators()) {
			measures.add(indicator.numerator());
			if (indicator.denominator() != null) {
				measures.add(indicator.denominator());
			}
		}
		String[] codes = measures.stream().map(Enum::name).toArray(String[]::new);
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		LocalDate firstWhole = filter.from().getDayOfMonth() == 1 ? filter.from() : filter.from().withDayOfMonth(1).plusMonths(1);
		LocalDate lastWhole = filter.to().plusDays(1).getDayOfMonth() == 1 ? filter.to() : filter.to().withDayOfMonth(1).minusDays(1);
		boolean withItem = filter.by() == IndicatorFilter.Grouping.ITEM || (filter.item() != null && !filter.item().isBlank());
		String days = withItem ? "insight_daily" : "insight_daily_unit";
		if (filter.by() != IndicatorFilter.Grouping.DAY && !firstWhole.isAfter(lastWhole)) {
			part(withItem ? "insight_monthly" : "insight_monthly_unit", "month", filter, codes, firstWhole, lastWhole.withDayOfMonth(1),
					parts, params);
			if (filter.from().isBefore(firstWhole)) {
				part(days, "day", filter, codes, filter.from(), firstWhole.minusDays(1), parts, params);
			}
			if (lastWhole.isBefore(filter.to())) {
				part(days, "day", filter, codes, lastWhole.plusDays(1), filter.to(), parts, params);
			}
		}
		else {
			part(days, "day", filter, codes, filter.from(), filter.to(), parts, params);
		}
		String sql = "select group_key, measure, sum(value) as total from (" + String.join(" union all ", parts) + ") counters group by 1, 2";
		Map<String, Map<Measure, Long>> sums = new TreeMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			sums.computeIfAbsent(rs.getString("group_key"), group -> new HashMap<>())
				.put(Measure.valueOf(rs.getString("measure")), rs.getLong("total"));
		});
		List<IndicatorValue> values = new ArrayList<>();
		for (Indicator indicator : filter.indicators()) {
			for (Map.Entry<String, Map<Measure, Long>> group : sums.entrySet()) {
				long numerator = group.getValue().getOrDefault(indicator.numerator(), 0L);
				long denominator = indicator.denominator() == null ? 0 : group.getValue().getOrDefault(indicator.denominator(), 0L);
				values.add(new IndicatorValue(indicator, group.getKey(), numerator, denominator,
						indicator.value(numerator, denominator)));
			}
		}
		return values;
	}
	/**
	 * One source of counters: the days {@code from}..{@code to} of the daily counters, or the months starting
	 * {@code from}..{@code to} of a monthly roll-up (the roll-ups are kept equal to the daily sums by triggers, V155).
	 */
	private static void part(String table, String dateColumn, IndicatorFilter filter, String[] measures, LocalDate from, LocalDate to,
			List<String> parts, List<Object> params) {
		String key = switch (filter.by()) {
			case TOTAL -> "'total'";
			case DEPARTMENT -> "department_code";
			case REGION -> "region_code";
			case ITEM -> "item_code";
			case MONTH -> "to_char(" + dateColumn + ", 'YYYY-MM')";
			case DAY -> "to_char(" + dateColumn + ", 'YYYY-MM-DD')";
		};
		StringBuilder sql = new StringBuilder("select " + key + " as group_key, measure, value from " + table + " where measure = any(?) and "
				+ dateColumn + " between ? and ?");
		params.addAll(List.of(measures, from, to));
		String prefix = IndicatorFilter.regionPrefix(filter.region());
		if (!prefix.isEmpty()) {
			sql.append(" and region_code like ?");
			params.add(prefix + "%");
		}
		if (filter.department() != null && !filter.department().isBlank()) {
			sql.append(" and department_code = ?");
			params.add(filter.department());
		}
		if (filter.item() != null && !filter.item().isBlank()) {
			sql.append(" and item_code = ?");
			params.add(filter.item());
		}
		parts.add(sql.toString());
	}
}
