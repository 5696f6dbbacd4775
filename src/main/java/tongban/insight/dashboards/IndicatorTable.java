package tongban.insight.dashboards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.insight.IndicatorFilter;
import tongban.insight.Indicators;

/**
 * The figures of a filter as rows with names beside the codes: read only through {@link Indicators#values}, so the API,
 * the CSV, the public page and the dashboards show the same sums of the same counters. A district over a year sums
 * millions of daily counters (seconds: docs/performance.md, issue 18), so the rows of a filter are kept for
 * {@link #MAX_AGE_NANOS} (as long as the API lets other caches keep them) and computed once however many ask at the same
 * time (ADR 0024).
 */
@Component
public class IndicatorTable {

	/** The key of the one row of {@link IndicatorFilter.Grouping#TOTAL}, and its label. */
	static final String TOTAL = "total";
	static final String TOTAL_LABEL = "合计";
	/** The label of a group without a department, region or item (a ticket has no item). */
	static final String NONE_LABEL = "—";

	/** How long computed rows are served again: the API's {@code max-age}. */
	static final long MAX_AGE_NANOS = 60_000_000_000L;
	static final int MAX_ENTRIES = 2_000;

	private record Kept(long at, CompletableFuture<List<IndicatorRow>> rows) {
	}

	private final Map<IndicatorFilter, Kept> kept = new ConcurrentHashMap<>();
	private final Indicators indicators;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	IndicatorTable(Indicators indicators, DirectoryManagement directory, CatalogManagement catalog) {
		this.indicators = indicators;
		this.directory = directory;
		this.catalog = catalog;
	}

	/** The rows of the filter, ordered by indicator then key, as computed at most {@link #MAX_AGE_NANOS} ago. */
	public List<IndicatorRow> rows(IndicatorFilter filter) {
		long now = System.nanoTime();
		if (kept.size() >= MAX_ENTRIES) {
			kept.clear();
		}
		CompletableFuture<List<IndicatorRow>> mine = new CompletableFuture<>();
		Kept entry = kept.compute(filter, (key, old) -> old != null && now - old.at() < MAX_AGE_NANOS
				&& !old.rows().isCompletedExceptionally() ? old : new Kept(now, mine));
		if (entry.rows() == mine) {
			try {
				mine.complete(compute(filter));
			}
			catch (RuntimeException e) {
				mine.completeExceptionally(e);
				kept.remove(filter, entry);
				throw e;
			}
		}
		return entry.rows().join();
	}

	private List<IndicatorRow> compute(IndicatorFilter filter) {
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
