package tongban.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * What to compute: indicators (empty = all) over the days {@code from}..{@code to} inclusive, optionally only a region
 * (a region code: that region and everything under it), a department code or an item code, grouped by {@code by}.
 * Values are checked by the web edge (unknown codes, reversed or future periods are refused there with 400).
 */
public record IndicatorFilter(List<Indicator> indicators, String region, String department, String item, LocalDate from,
		LocalDate to, Grouping by) {

	public IndicatorFilter {
		indicators = indicators == null || indicators.isEmpty() ? List.of(Indicator.values()) : List.copyOf(indicators);
		by = by == null ? Grouping.TOTAL : by;
	}

	/** How rows are grouped: one total, or one row per department, region, item, month (yyyy-MM) or day (yyyy-MM-dd). */
	public enum Grouping {
		TOTAL, DEPARTMENT, REGION, ITEM, MONTH, DAY
	}

	/** The code prefix of everything inside a region: 330000 → 33, 330100 → 3301, 330106 → 330106; a township as is. */
	public static String regionPrefix(String region) {
		if (region == null || region.isBlank()) {
			return "";
		}
		String prefix = region.strip();
		while (prefix.length() > 2 && prefix.length() <= 6 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return prefix;
	}
}
