package tongban.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What site-wide search answers: the items' result as before ({@code total}, {@code hits} and the item facets are the
 * items'), the other content's hits best first ({@code content}), and the count of hits by content type
 * ({@code ITEM} first).
 */
public record SiteSearchResult(String query, long total, List<ItemSummary> hits, Map<String, Long> byType,
		Map<String, Long> byDepartment, Map<Integer, Long> byVisits, List<Bundle> bundles,
		List<SiteSearchSource.Hit> content, Map<String, Long> byContentType) {

	static SiteSearchResult of(SearchResult items, List<SiteSearchSource.Hit> content, Map<String, Long> others) {
		Map<String, Long> byContentType = new LinkedHashMap<>();
		if (items.total() > 0) {
			byContentType.put(SiteSearch.ITEM, items.total());
		}
		others.forEach((kind, count) -> {
			if (count > 0) {
				byContentType.put(kind, count);
			}
		});
		return new SiteSearchResult(items.query(), items.total(), items.hits(), items.byType(), items.byDepartment(),
				items.byVisits(), items.bundles(), List.copyOf(content), byContentType);
	}

	/** Every hit, items and other content. */
	public long allTotal() {
		return byContentType.values().stream().mapToLong(Long::longValue).sum();
	}
}
