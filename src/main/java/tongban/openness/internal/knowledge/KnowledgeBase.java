package tongban.openness.internal.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.SearchLanguage;

/**
 * The knowledge base: entries kept in step with the site-wide search index (an active entry is indexed, a retired or
 * removed one is not, in the same transaction), and answers to a question or a ticket's text ranked by retrieval over
 * the entries (no external AI service): the text's words and their synonym variants in the question and its variants
 * and in the answer.
 */
@Service
public class KnowledgeBase {

	/** How much of a ticket's or a question's text is matched. */
	public static final int MAX_TEXT = 300;

	/** Words that say nothing about the matter ("怎么办", "请问"), left out of the words matched. */
	static final Set<String> STOP_WORDS = Set.of("怎么", "怎么办", "怎样", "如何", "什么", "哪里", "哪儿", "哪些", "多少", "可以",
			"需要", "请问", "你好", "您好", "我们", "我的", "一下", "是否", "能否", "是不是", "有没有", "应该", "这个", "那个", "时候", "现在",
			"的", "了", "吗", "呢", "吧", "啊", "呀", "我", "你", "您", "他", "她", "是", "在", "有", "要", "和", "与", "或", "就", "都",
			"也", "还", "把", "被", "让", "给", "对", "从", "到", "去", "来", "会", "能", "可", "请", "问", "想", "个", "这", "那", "哪",
			"么", "怎", "啥", "得", "着", "过", "嘛", "哦", "一", "下");

	private final KnowledgeEntries entries;
	private final SiteSearchIndex index;
	private final SearchLanguage language;

	KnowledgeBase(KnowledgeEntries entries, SiteSearchIndex index, SearchLanguage language) {
		this.entries = entries;
		this.index = index;
		this.language = language;
	}

	/** The texts matched for a question: its synonym variants, each reduced to the words that carry meaning. */
	List<String> queryTexts(String raw) {
		String cleaned = SearchLanguage.clean(raw, MAX_TEXT);
		if (cleaned.isEmpty()) {
			return List.of();
		}
		Set<String> texts = new LinkedHashSet<>();
		for (String variant : language.expand(cleaned)) {
			List<String> words = SearchLanguage.words(variant).stream().filter(w -> !STOP_WORDS.contains(w)).toList();
			if (!words.isEmpty()) {
				texts.add(String.join(" ", words));
			}
		}
		return List.copyOf(texts);
	}

	/** Active entries answering the text, best first. */
	@Transactional(readOnly = true)
	public List<KnowledgeEntry> answers(String text, int limit) {
		List<String> texts = queryTexts(text);
		Set<String> words = new LinkedHashSet<>();
		texts.forEach(t -> words.addAll(List.of(t.split(" "))));
		List<SiteSearchIndex.Scored> scored = index.answers(String.join(" ", words), texts, limit);
		return entries.all(scored.stream().map(SiteSearchIndex.Scored::ref).toList()).stream().filter(KnowledgeEntry::active).toList();
	}

	/** An entry id typed into a URL or a form; anything that is not one is no entry. */
	public static Optional<UUID> id(String text) {
		if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(text));
	}

	public Optional<KnowledgeEntry> find(UUID id) {
		return entries.find(id);
	}

	/** Saves an entry and puts it into search (or takes it out when retired), in the caller's transaction. */
	@Transactional
	public KnowledgeEntry save(KnowledgeEntry entry) {
		KnowledgeEntry saved = entries.save(entry);
		reindex(saved);
		return saved;
	}

	void reindex(KnowledgeEntry e) {
		if (!e.active()) {
			index.remove(e.id());
			return;
		}
		List<String> aliases = new ArrayList<>(e.variants());
		index.put(new SiteSearchIndex.Content(SiteSearchIndex.KNOWLEDGE, e.id(), e.question(), aliases, List.of(), e.answer(),
				e.departmentCode(), e.path(), e.updatedAt() == null ? null : e.updatedAt().toLocalDate()));
	}

	/** Removes entries (taken from a source that is gone) from the base and from search. */
	@Transactional
	public void removeAll(List<KnowledgeEntry> gone) {
		for (KnowledgeEntry e : gone) {
			index.remove(e.id());
			entries.delete(e.id());
		}
	}

	/** Retires or restores an entry; it leaves or re-enters search in the same transaction. */
	@Transactional
	public void move(KnowledgeEntry e, KnowledgeStatus to, String actor) {
		Object event = to == KnowledgeStatus.RETIRED ? new KnowledgeStatus.KnowledgeEntryRetired(e.id())
				: new KnowledgeStatus.KnowledgeEntryRestored(e.id());
		entries.move(e.id(), e.status(), to, event, actor);
		reindex(entries.find(e.id()).orElseThrow());
	}
}
