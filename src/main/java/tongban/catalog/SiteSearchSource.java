package tongban.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Content other than items that site-wide search covers: policies, interpretations, articles and knowledge entries
 * (implemented by the openness module, which owns them). The catalog owns this port because /search and /api/search
 * are its pages: it asks every source with the same cleaned query and synonym variants it uses for items, so catalog
 * never depends on the modules that feed it. A source matches with {@link SearchLanguage#matchText} and must leave
 * out at once whatever was withdrawn or retracted.
 */
public interface SiteSearchSource {

	/** The content types this source answers (e.g. POLICY, INTERPRETATION, ARTICLE, KNOWLEDGE). */
	List<String> contentTypes();

	/**
	 * The best hits for a cleaned, non-blank query, and the number of hits per content type.
	 *
	 * @param variants the query and its synonym variants, the query first
	 * @param contentType one of {@link #contentTypes()} to keep only those, or null for all
	 */
	Hits search(String query, List<String> variants, String contentType, int limit);

	/** One hit: its content type, title, a short text, its public page, department and date. */
	record Hit(String contentType, String title, String snippet, String path, String departmentCode, LocalDate date,
			float score) {
	}

	record Hits(List<Hit> hits, Map<String, Long> byContentType) {

		public Hits {
			hits = List.copyOf(hits);
			byContentType = Map.copyOf(byContentType);
		}

		public static Hits none() {
			return new Hits(List.of(), Map.of());
		}
	}
}
