package tongban.openness.internal.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.hotline.PublicReplies;
import tongban.hotline.PublicReply;
import tongban.hotline.TicketEvents.ReplyPublished;
import tongban.openness.PublicationKind;
import tongban.openness.PublicationPublished;
import tongban.openness.PublicationRetracted;

/**
 * Keeps the knowledge base and site-wide search in step with their sources: published guides' FAQs (read through the
 * catalog's API whenever its published content changed), policy interpretations' questions and answers and the
 * publications themselves (from {@link PublicationPublished} and {@link PublicationRetracted}, after their commit;
 * search and the base change in the listener's one transaction), and published 12345 replies ({@link ReplyPublished}).
 * On start-up every guide and published reply is taken in once more, so nothing published before is missing.
 */
@Component
@Order(96)
class KnowledgeFeeds implements ApplicationRunner {

	static final int MAX_REPLIES = 5000;
	static final int MAX_ITEMS = 5000;

	private final KnowledgeBase base;
	private final KnowledgeEntries entries;
	private final SiteSearchIndex index;
	private final CatalogManagement catalog;
	private final PublicReplies replies;
	private final DirectoryManagement directory;
	private final TransactionTemplate tx;
	/** The catalog generation the guides' FAQs were last taken at. */
	private final AtomicLong guidesAt = new AtomicLong(Long.MIN_VALUE);

	KnowledgeFeeds(KnowledgeBase base, KnowledgeEntries entries, SiteSearchIndex index, CatalogManagement catalog,
			PublicReplies replies, DirectoryManagement directory, TransactionTemplate tx) {
		this.base = base;
		this.entries = entries;
		this.index = index;
		this.catalog = catalog;
		this.replies = replies;
		this.directory = directory;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		guidesIfChanged();
		tx.executeWithoutResult(s -> replies.latest(MAX_REPLIES).forEach(this::reply));
	}

	// ---- guides

	/** Takes the guides' FAQs in again when the catalog's published content changed since the last time. */
	void guidesIfChanged() {
		long generation = catalog.generation();
		if (guidesAt.get() == generation) {
			return;
		}
		synchronized (guidesAt) {
			if (guidesAt.get() != generation) {
				tx.executeWithoutResult(s -> guides());
				guidesAt.set(generation);
			}
		}
	}

	private void guides() {
		Set<String> current = new HashSet<>();
		for (ItemSummary item : catalog.browse(ItemFilter.any(), Pageable.ofSize(MAX_ITEMS)).getContent()) {
			catalog.published(item.code()).map(PublishedItem::guide).ifPresent(g -> current.addAll(faq(g)));
		}
		List<KnowledgeEntry> gone = new ArrayList<>();
		for (KnowledgeEntry e : entries.fromSource(KnowledgeOrigin.GUIDE, "")) {
			if (!current.contains(e.sourceKey())) {
				gone.add(e);
			}
		}
		base.removeAll(gone);
	}

	/** Saves one guide's questions and answers; their source keys. */
	private List<String> faq(ServiceGuide g) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < g.faq().size(); i++) {
			ServiceGuide.Faq f = g.faq().get(i);
			if (blank(f.q()) || blank(f.a())) {
				continue;
			}
			String key = g.code() + "#" + i;
			keys.add(key);
			base.save(derived(KnowledgeOrigin.GUIDE, key, f.q(), f.a(), g.department(), List.of(g.code()), "办事指南：" + g.name(),
					"/items/" + g.code()));
		}
		return keys;
	}

	// ---- publications

	@ApplicationModuleListener
	void on(PublicationPublished p) {
		UUID id = p.publicationId();
		String department = p.departmentCodes() == null || p.departmentCodes().isEmpty() ? null : p.departmentCodes().getFirst();
		index.put(new SiteSearchIndex.Content(p.kind().name(), id, p.title(), List.of(), List.of(), p.text(), department, p.path(),
				p.publishedOn()));
		Set<String> keys = new HashSet<>();
		List<PublicationPublished.QuestionAnswer> questions = p.questions() == null ? List.of() : p.questions();
		if (p.kind() == PublicationKind.INTERPRETATION) {
			for (int i = 0; i < questions.size(); i++) {
				PublicationPublished.QuestionAnswer qa = questions.get(i);
				if (blank(qa.question()) || blank(qa.answer())) {
					continue;
				}
				String key = id + "#" + i;
				keys.add(key);
				base.save(derived(KnowledgeOrigin.INTERPRETATION, key, qa.question(), qa.answer(), department, List.of(),
						"政策解读：" + p.title(), p.path()));
			}
		}
		base.removeAll(entries.fromSource(KnowledgeOrigin.INTERPRETATION, id + "#").stream().filter(e -> !keys.contains(e.sourceKey())).toList());
	}

	@ApplicationModuleListener
	void on(PublicationRetracted p) {
		index.remove(p.publicationId());
		base.removeAll(entries.fromSource(KnowledgeOrigin.INTERPRETATION, p.publicationId() + "#"));
	}

	// ---- 12345 replies

	@ApplicationModuleListener
	void on(ReplyPublished published) {
		replies.byNumber(published.number()).ifPresent(this::reply);
	}

	private void reply(PublicReply r) {
		String department = directory.departmentNames().entrySet().stream().filter(d -> d.getValue().equals(r.department()))
			.map(Map.Entry::getKey).findFirst().orElse(null);
		KnowledgeEntry e = derived(KnowledgeOrigin.REPLY, r.number(), r.title(), r.answer(), department, List.of(),
				"12345热线公开答复 " + r.number(), "/hotline/replies#" + r.number());
		base.save(new KnowledgeEntry(e.id(), e.origin(), e.sourceKey(), e.question(), List.of(r.question()), e.answer(),
				e.departmentCode(), e.items(), e.owner(), e.reviewOn(), e.sources(), e.sourceTitle(), e.sourcePath(), e.status(),
				e.updatedBy(), e.updatedAt()));
	}

	private static KnowledgeEntry derived(KnowledgeOrigin origin, String key, String question, String answer, String department,
			List<String> items, String sourceTitle, String sourcePath) {
		LocalDate noReview = null;
		return new KnowledgeEntry(UUID.randomUUID(), origin, key, question.strip(), List.of(), answer.strip(), department, items,
				null, noReview, List.of(), sourceTitle, sourcePath, KnowledgeStatus.ACTIVE, origin.name(), null);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
