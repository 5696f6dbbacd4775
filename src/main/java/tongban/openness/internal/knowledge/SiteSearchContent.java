package tongban.openness.internal.knowledge;

import java.util.List;

import org.springframework.stereotype.Component;

import tongban.catalog.SiteSearchSource;

/** Policies, interpretations, articles and knowledge entries for catalog's site-wide search. */
@Component
class SiteSearchContent implements SiteSearchSource {

	private final SiteSearchIndex index;
	private final KnowledgeFeeds feeds;

	SiteSearchContent(SiteSearchIndex index, KnowledgeFeeds feeds) {
		this.index = index;
		this.feeds = feeds;
	}

	@Override
	public List<String> contentTypes() {
		return index.contentTypes();
	}

	@Override
	public Hits search(String query, List<String> variants, String contentType, int limit) {
		// a guide withdrawn since the last search takes its questions out of the base first
		feeds.guidesIfChanged();
		return index.search(query, variants, contentType, limit);
	}
}
