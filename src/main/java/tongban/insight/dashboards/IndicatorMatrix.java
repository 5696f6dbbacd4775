package tongban.insight.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tongban.insight.Indicator;

/**
 * Rows of figures laid out as a table: one line per key (a department, a district, an item, a month), one column per
 * indicator. Pages draw both the accessible table and the chart beside it from one matrix, so they show the same numbers.
 */
public record IndicatorMatrix(List<Indicator> columns, List<Line> lines) {

	/** One key's figures, in the order of the columns. */
	public record Line(String key, String keyLabel, List<IndicatorRow> cells) {

		/** The figure of one indicator on this line. */
		public IndicatorRow cell(Indicator indicator) {
			return cells.stream().filter(cell -> cell.indicator().equals(indicator.code())).findFirst().orElse(null);
		}
	}

	/** The rows laid out by key in the order they first appear (keys sorted as the query sorted them). */
	static IndicatorMatrix of(List<Indicator> columns, List<IndicatorRow> rows) {
		Map<String, String> keys = new LinkedHashMap<>();
		rows.forEach(row -> keys.putIfAbsent(row.key(), row.keyLabel()));
		return of(columns, rows, keys);
	}

	/**
	 * The rows laid out for these keys (key → label) in this order: a key without figures (a month with nothing) gets
	 * empty cells (a count of 0, no rate).
	 */
	static IndicatorMatrix of(List<Indicator> columns, List<IndicatorRow> rows, Map<String, String> keys) {
		Map<String, IndicatorRow> byCell = rows.stream().collect(Collectors.toMap(row -> row.indicator() + "|" + row.key(), row -> row, (a, b) -> a));
		List<Line> lines = new ArrayList<>();
		keys.forEach((key, label) -> {
			List<IndicatorRow> cells = new ArrayList<>();
			for (Indicator column : columns) {
				IndicatorRow found = byCell.get(column.code() + "|" + key);
				cells.add(found != null ? found : IndicatorRow.summed(column, key, label, 0, 0));
			}
			lines.add(new Line(key, label, List.copyOf(cells)));
		});
		return new IndicatorMatrix(List.copyOf(columns), List.copyOf(lines));
	}

	/**
	 * Rows summed into larger groups ({@code group} maps a key to its group's key, e.g. a township to its district; null
	 * leaves the row out), the value computed again from the summed numerator and denominator.
	 */
	static List<IndicatorRow> regroup(List<IndicatorRow> rows, Function<String, String> group, Function<String, String> label) {
		Map<String, long[]> sums = new LinkedHashMap<>();
		for (IndicatorRow row : rows) {
			String target = group.apply(row.key());
			if (target != null) {
				long[] sum = sums.computeIfAbsent(row.indicator() + "|" + target, k -> new long[2]);
				sum[0] += row.numerator();
				sum[1] += row.denominator() == null ? 0 : row.denominator();
			}
		}
		List<IndicatorRow> out = new ArrayList<>();
		sums.forEach((cell, sum) -> {
			String[] parts = cell.split("\\|", 2);
			Indicator indicator = Indicator.byCode(parts[0]).orElseThrow();
			out.add(IndicatorRow.summed(indicator, parts[1], label.apply(parts[1]), sum[0], sum[1]));
		});
		return out;
	}

	/** The lines' labels joined by commas, for a chart's axis (commas inside a label replaced). */
	public String chartLabels() {
		return lines.stream().map(line -> line.keyLabel().replace(',', '，')).collect(Collectors.joining(","));
	}

	/** One column's values for a chart (percentages as 0–100), joined by commas; empty where there is none. */
	public String chartValues(Indicator column) {
		return lines.stream().map(line -> {
			IndicatorRow cell = line.cell(column);
			return cell == null || cell.chartValue() == null ? "" : cell.chartValue().toString();
		}).collect(Collectors.joining(","));
	}

	/** The names of several series, joined by 「|」, for a chart's legend. */
	public String chartNames(List<Indicator> series) {
		return series.stream().map(Indicator::label).collect(Collectors.joining("|"));
	}

	/** The values of several series ({@link #chartValues}), joined by 「|」. */
	public String chartSeries(List<Indicator> series) {
		return series.stream().map(this::chartValues).collect(Collectors.joining("|"));
	}

	public boolean isEmpty() {
		return lines.isEmpty();
	}
}
