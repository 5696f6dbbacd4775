package tongban.insight.dashboards;

import java.util.List;

/**
 * The indicator parameters as a client or a page sent them, unchecked: indicator codes (repeatable), region,
 * department and item codes, a period as {@code from}/{@code to} (yyyy-MM-dd) or {@code month} (yyyy-MM), and the
 * grouping {@code by} (total, department, region, item, month, day). {@link IndicatorRequests} checks them.
 */
record IndicatorRequest(List<String> indicators, String region, String department, String item, String from, String to,
		String month, String by) {

	IndicatorRequest {
		indicators = indicators == null ? List.of() : indicators.stream().filter(code -> code != null && !code.isBlank()).toList();
	}
}
