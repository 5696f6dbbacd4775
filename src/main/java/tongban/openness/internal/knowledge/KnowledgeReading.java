package tongban.openness.internal.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** What the public pages read: answers to a question (guides' FAQs brought up to date first), entries, pages of them. */
@Service
public class KnowledgeReading {

	private final KnowledgeBase base;
	private final KnowledgeEntries entries;
	private final KnowledgeFeeds feeds;

	KnowledgeReading(KnowledgeBase base, KnowledgeEntries entries, KnowledgeFeeds feeds) {
		this.base = base;
		this.entries = entries;
		this.feeds = feeds;
	}

	public List<KnowledgeEntry> answers(String question, int limit) {
		feeds.guidesIfChanged();
		return base.answers(question, limit);
	}

	public Optional<KnowledgeEntry> find(UUID id) {
		return base.find(id);
	}

	public List<KnowledgeEntry> browse(int limit, int offset) {
		return entries.active(null, limit, offset);
	}

	public long countActive() {
		return entries.countActive(null);
	}
}
