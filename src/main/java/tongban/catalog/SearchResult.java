package tongban.catalog;

import java.util.List;
import java.util.Map;

/** Hits (best first), their total, and facet counts by type, department and visits. */
public record SearchResult(String query, long total, List<ItemSummary> hits, Map<String, Long> byType,
		Map<String, Long> byDepartment, Map<Integer, Long> byVisits) {

	public static SearchResult empty(String query) {
		return new SearchResult(query, 0, List.of(), Map.of(), Map.of(), Map.of());
	}
}
