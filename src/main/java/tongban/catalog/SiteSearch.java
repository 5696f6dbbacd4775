package tongban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Site-wide search: items (and their 一件事 bundles) from {@link CatalogSearch}, plus whatever the
 * {@link SiteSearchSource}s hold (policies, interpretations, articles, knowledge entries), with a facet by content
 * type. {@code ITEM} is the items' content type; a content-type filter asks only the source that holds it.
 */
@Service
public class SiteSearch {

	/** The content type of service items. */
	public static final String ITEM = "ITEM";

	private final CatalogSearch items;
	private final SearchLanguage language;
	private final List<SiteSearchSource> sources;

	SiteSearch(CatalogSearch items, SearchLanguage language, List<SiteSearchSource> sources) {
		this.items = items;
		this.language = language;
		this.sources = List.copyOf(sources);
	}

	/**
	 * Items as {@link CatalogSearch#search} finds them (its filters apply to items only) and the other content's hits,
	 * best first; {@code byContentType} counts both, items first.
	 */
	public SiteSearchResult search(String raw, String contentType, String type, String department, Integer maxVisits,
			int limit) {
		String q = CatalogSearch.clean(raw);
		String kind = contentType == null || contentType.isBlank() ? null : contentType.strip();
		boolean itemsOnly = ITEM.equals(kind);
		boolean known = kind == null || itemsOnly || sources.stream().anyMatch(s -> s.contentTypes().contains(kind));
		if (q.isEmpty() || !known) {
			return SiteSearchResult.of(SearchResult.empty(q), List.of(), Map.of());
		}
		SearchResult found = kind == null || itemsOnly ? items.search(q, type, department, maxVisits, limit)
				: SearchResult.empty(q);
		Map<String, Long> byContentType = new LinkedHashMap<>();
		List<SiteSearchSource.Hit> others = new ArrayList<>();
		boolean filtered = type != null && !type.isBlank() || department != null && !department.isBlank() || maxVisits != null;
		if (!itemsOnly && !filtered) {
			List<String> variants = language.expand(q);
			for (SiteSearchSource source : sources) {
				if (kind == null || source.contentTypes().contains(kind)) {
					SiteSearchSource.Hits hits = source.search(q, variants, kind, limit);
					others.addAll(hits.hits());
					byContentType.putAll(hits.byContentType());
				}
			}
		}
		others.sort((a, b) -> Float.compare(b.score(), a.score()));
		List<SiteSearchSource.Hit> best = others.size() > limit ? others.subList(0, Math.max(limit, 0)) : others;
		return SiteSearchResult.of(found, best, byContentType);
	}
}
