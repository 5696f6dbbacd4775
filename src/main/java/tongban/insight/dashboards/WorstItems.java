package tongban.insight.dashboards;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tongban.insight.Indicator;

/**
 * A department's worst items in a period, from the figures by item: the lowest 按时办结率, the most 超期件数, and the items
 * whose measured 跑动次数 per case exceeds the catalogue's declared figure (both shown side by side).
 */
record WorstItems(List<IndicatorRow> lowestOnTime, List<IndicatorRow> mostOverdue, List<VisitComparison> visitsAboveDeclared) {

	/** How many items each list shows. */
	static final int SHOWN = 5;

	/** The indicators the lists are made of. */
	static final List<Indicator> INDICATORS = List.of(Indicator.ON_TIME_RATE, Indicator.OVERDUE_CASES, Indicator.VISITS_PER_CASE,
			Indicator.DECLARED_VISITS_PER_CASE);

	/** One item's measured and declared visits per concluded case. */
	record VisitComparison(String key, String keyLabel, IndicatorRow measured, IndicatorRow declared) {
	}

	/** The lists from rows by item of (at least) {@link #INDICATORS}. */
	static WorstItems of(List<IndicatorRow> byItem) {
		List<IndicatorRow> lowest = byItem.stream()
			.filter(row -> row.indicator().equals(Indicator.ON_TIME_RATE.code()) && row.value() != null && row.value() < 1)
			.sorted(Comparator.comparing(IndicatorRow::value).thenComparing(IndicatorRow::denominator, Comparator.reverseOrder())
				.thenComparing(IndicatorRow::key))
			.limit(SHOWN)
			.toList();
		List<IndicatorRow> overdue = byItem.stream()
			.filter(row -> row.indicator().equals(Indicator.OVERDUE_CASES.code()) && row.numerator() > 0)
			.sorted(Comparator.comparing(IndicatorRow::numerator, Comparator.reverseOrder()).thenComparing(IndicatorRow::key))
			.limit(SHOWN)
			.toList();
		Map<String, IndicatorRow> declared = new LinkedHashMap<>();
		byItem.stream().filter(row -> row.indicator().equals(Indicator.DECLARED_VISITS_PER_CASE.code())).forEach(row -> declared.put(row.key(), row));
		List<VisitComparison> visits = byItem.stream()
			.filter(row -> row.indicator().equals(Indicator.VISITS_PER_CASE.code()) && row.value() != null)
			.filter(row -> declared.containsKey(row.key()) && declared.get(row.key()).value() != null
					&& row.value() > declared.get(row.key()).value())
			.sorted(Comparator.comparing((IndicatorRow row) -> row.value() - declared.get(row.key()).value()).reversed()
				.thenComparing(IndicatorRow::key))
			.map(row -> new VisitComparison(row.key(), row.keyLabel(), row, declared.get(row.key())))
			.toList();
		return new WorstItems(lowest, overdue, visits);
	}
}
