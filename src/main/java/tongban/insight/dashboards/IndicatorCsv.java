package tongban.insight.dashboards;

import java.util.List;

/**
 * The rows as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte order mark (so that Excel reads the Chinese names),
 * a header row, CRLF line ends, and a field quoted when it holds a comma, a quote or a line break (quotes doubled).
 */
final class IndicatorCsv {

	static final String BOM = "\uFEFF";
	static final List<String> HEADER = List.of("indicator", "label", "key", "key_label", "numerator", "denominator", "value");

	private IndicatorCsv() {
	}

	static String write(List<IndicatorRow> rows) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, HEADER);
		for (IndicatorRow row : rows) {
			line(csv, List.of(row.indicator(), row.label(), row.key(), row.keyLabel(), Long.toString(row.numerator()),
					row.denominator() == null ? "" : Long.toString(row.denominator()), row.plainValue()));
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields.get(i)));
		}
		csv.append("\r\n");
	}

	static String field(String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}
}
