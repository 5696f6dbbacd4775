package tongban.catalog;

import java.util.List;
import java.util.Map;

/** Hits (best first), their total, facet counts by type, department and visits, and the 一件事 bundles that answer it. */
public record SearchResult(String query, long total, List<ItemSummary> hits, Map<String, Long> byType,
		Map<String, Long> byDepartment, Map<Integer, Long> byVisits, List<Bundle> bundles) {

	public SearchResult {
		bundles = bundles == null ? List.of() : List.copyOf(bundles);
	}

	public static SearchResult empty(String query) {
		return new SearchResult(query, 0, List.of(), Map.of(), Map.of(), Map.of(), List.of());
	}
}
