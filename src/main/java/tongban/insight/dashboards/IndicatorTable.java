package tongban.insight.dashboards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.insight.IndicatorFilter;
import tongban.insight.Indicators;

/**
 * The figures of a filter as rows with names beside the codes: read only through {@link Indicators#values}, so the API,
 * the CSV, the public page and the dashboards show the same sums of the same counters.
 */
@Component
public class IndicatorTable {

	/** The key of the one row of {@link IndicatorFilter.Grouping#TOTAL}, and its label. */
	static final String TOTAL = "total";
	static final String TOTAL_LABEL = "合计";
	/** The label of a group without a department, region or item (a ticket has no item). */
	static final String NONE_LABEL = "—";

	private final Indicators indicators;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	IndicatorTable(Indicators indicators, DirectoryManagement directory, CatalogManagement catalog) {
		this.indicators = indicators;
		this.directory = directory;
		this.catalog = catalog;
	}

	/** The rows of the filter, ordered by indicator then key. */
	public List<IndicatorRow> rows(IndicatorFilter filter) {
		Map<String, String> labels = new HashMap<>();
		return indicators.values(filter)
			.stream()
			.map(figure -> IndicatorRow.of(figure, labels.computeIfAbsent(figure.key(), key -> label(filter.by(), key))))
			.toList();
	}

	/** What a key of this grouping is called. */
	String label(IndicatorFilter.Grouping by, String key) {
		if (key == null || key.isEmpty()) {
			return NONE_LABEL;
		}
		return switch (by) {
			case TOTAL -> TOTAL_LABEL;
			case DEPARTMENT -> directory.departmentNames().getOrDefault(key, key);
			case REGION -> directory.region(key).map(Region::name).orElse(key);
			case ITEM -> catalog.published(key).map(item -> item.guide().name()).orElse(key);
			case MONTH, DAY -> key;
		};
	}
}
