package tongban.insight;

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
 * counters in {@code insight_daily}, never a rescan of cases.
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
		String key = switch (filter.by()) {
			case TOTAL -> "'total'";
			case DEPARTMENT -> "department_code";
			case REGION -> "region_code";
			case ITEM -> "item_code";
			case MONTH -> "to_char(day, 'YYYY-MM')";
			case DAY -> "to_char(day, 'YYYY-MM-DD')";
		};
		StringBuilder sql = new StringBuilder("select " + key + " as group_key, measure, sum(value) as total from insight_daily"
				+ " where measure = any(?) and day between ? and ?");
		List<Object> params = new ArrayList<>(List.of(measures.stream().map(Enum::name).toArray(String[]::new), filter.from(),
				filter.to()));
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
		sql.append(" group by 1, 2");
		Map<String, Map<Measure, Long>> sums = new TreeMap<>();
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			sums.computeIfAbsent(rs.getString("group_key"), k -> new HashMap<>())
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
}
