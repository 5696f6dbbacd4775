package tongban.openness.internal.knowledge;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.catalog.SearchLanguage;
import tongban.catalog.SiteSearchSource;
import tongban.catalog.SiteSearchSource.Hit;
import tongban.catalog.SiteSearchSource.Hits;
import tongban.shared.IndexRebuilds;

/**
 * The openness part of site-wide search (offered to catalog's {@link SiteSearchSource} port by {@link SiteSearchContent}): policies, interpretations, articles
 * and active knowledge entries, matched with the items' analysis (words, pinyin, synonyms, one typo). Documents are
 * saved in the caller's transaction, so they enter or leave the index when it commits; on start-up the index is
 * rebuilt from the table when the two disagree (on a shared search cluster one node at a time, {@link IndexRebuilds}). That check runs before the demo data and the hotline's replies are
 * loaded: once they are, listeners write documents while the check counts, and a rebuild racing them fails on a row
 * deleted between the mass indexer's id and entity loading.
 */
@Component
@Order(41)
public class SiteSearchIndex implements ApplicationRunner {

	/** The content types of this index. */
	public static final String POLICY = "POLICY", INTERPRETATION = "INTERPRETATION", ARTICLE = "ARTICLE",
			KNOWLEDGE = "KNOWLEDGE";
	static final int SNIPPET = 120;
	private static final List<String> KINDS = List.of(POLICY, INTERPRETATION, ARTICLE, KNOWLEDGE);
	private static final AggregationKey<Map<String, Long>> BY_KIND = AggregationKey.of("kind");

	private final EntityManager em;
	private final SiteSearchDocuments documents;
	private final TransactionTemplate tx;
	private final IndexRebuilds rebuilds;

	SiteSearchIndex(EntityManager em, SiteSearchDocuments documents, TransactionTemplate tx, IndexRebuilds rebuilds) {
		this.em = em;
		this.documents = documents;
		this.tx = tx;
		this.rebuilds = rebuilds;
	}

	/**
	 * What one document says: {@code aliases} are other names (a question's variants), {@code keywords} further words
	 * (none yet; the field items also match), {@code body} the text matched.
	 */
	public record Content(String kind, UUID ref, String title, List<String> aliases, List<String> keywords, String body,
			String departmentCode, String path, LocalDate date) {
	}

	/** Saves (or replaces) the document; it enters the index when the transaction commits. */
	@Transactional
	public void put(Content c) {
		Set<String> names = new LinkedHashSet<>();
		names.add(c.title());
		names.addAll(c.aliases());
		SearchLanguage.Spelling spelling = SearchLanguage.spell(names, List.of());
		String body = c.body() == null ? "" : c.body();
		String snippet = body.strip().replaceAll("\\s+", " ");
		snippet = snippet.length() > SNIPPET ? snippet.substring(0, SNIPPET) + "…" : snippet;
		documents.save(new SiteSearchDocument(c.kind(), c.ref(), cut(c.title(), 300), String.join("\n", c.aliases()),
				String.join(" ", c.keywords()), body, KNOWLEDGE.equals(c.kind()) ? String.join("\n", names) : "",
				spelling.pinyin(), spelling.initials(), c.departmentCode(), c.path(), snippet, c.date()));
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** Removes every document of a publication or entry; it leaves the index when the transaction commits. */
	@Transactional
	public void remove(UUID ref) {
		documents.deleteByRef(ref);
	}

	/** The content types of this index. */
	public List<String> contentTypes() {
		return KINDS;
	}

	/**
	 * Hits for a cleaned query and its variants (see {@link SiteSearchSource#search}). Two passes over the index: the
	 * best hits, scored, where Lucene may stop early instead of scoring every match; and the counts by content type,
	 * where the same clauses only filter (no scores), which is what a common word across 100,000 publications costs.
	 */
	@Transactional(readOnly = true)
	public Hits search(String query, List<String> variants, String contentType, int limit) {
		var session = Search.session(em);
		List<Hit> hits = session.search(SiteSearchDocument.class)
			.select(f -> f.composite()
				.from(f.field("kind", String.class), f.field("name", String.class), f.field("snippet", String.class),
						f.field("path", String.class), f.field("departmentCode", String.class),
						f.field("publishedOn", LocalDate.class), f.score())
				.asList(v -> new Hit((String) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3),
						(String) v.get(4), (LocalDate) v.get(5), (Float) v.get(6))))
			.where(f -> {
				var bool = f.bool();
				var should = f.bool();
				SearchLanguage.matchText(f, should, query, variants);
				bool.must(should);
				if (contentType != null) {
					bool.filter(f.match().field("kind").matching(contentType));
				}
				return bool;
			})
			.totalHitCountThreshold(Math.clamp(limit, 1, 100))
			.fetchHits(Math.clamp(limit, 1, 100));
		Map<String, Long> counts = session.search(SiteSearchDocument.class)
			.where(f -> {
				var should = f.bool();
				SearchLanguage.matchText(f, should, query, variants);
				return f.bool().filter(should);
			})
			.aggregation(BY_KIND, f -> f.terms().field("kind", String.class))
			.fetch(0)
			.aggregation(BY_KIND);
		return new Hits(hits, counts);
	}

	/**
	 * Knowledge entries for a question or a ticket's text, best first. {@code words} are the text's meaningful words
	 * with those of its synonym variants, each once (so a word common to every variant does not count several times);
	 * they are matched, none required, in the question and its variants (weighted), by characters and pairs in the
	 * same (for words smartcn segments differently), and in the answer; {@code phrases} (the variants) score when they
	 * occur nearly as written. Ids of entries (refs) with their scores.
	 */
	@Transactional(readOnly = true)
	public List<Scored> answers(String words, List<String> phrases, int limit) {
		if (words.isBlank()) {
			return List.of();
		}
		return Search.session(em)
			.search(SiteSearchDocument.class)
			.select(f -> f.composite().from(f.field("ref", UUID.class), f.score()).asList(v -> new Scored((UUID) v.get(0), (Float) v.get(1))))
			.where(f -> {
				var bool = f.bool();
				var should = f.bool();
				should.should(f.match().field("name").boost(3f).field("aliases").boost(3f).matching(words));
				should.should(f.match().field("grams").matching(words));
				should.should(f.match().field("body").matching(words));
				for (String p : phrases) {
					should.should(f.phrase().field("name").boost(2f).field("aliases").boost(2f).matching(p).slop(2));
				}
				bool.must(should);
				bool.filter(f.match().field("kind").matching(KNOWLEDGE));
				return bool;
			})
			.fetchHits(Math.clamp(limit, 1, 50));
	}

	/** A knowledge entry's id and how well it answers. */
	public record Scored(UUID ref, float score) {
	}

	/** Rebuilds the whole openness index from the table (needs no session or transaction). */
	public void rebuild() throws InterruptedException {
		Search.mapping(em.getEntityManagerFactory()).scope(SiteSearchDocument.class).massIndexer().threadsToLoadObjects(2)
			.batchSizeToLoadObjects(500).startAndWait();
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		rebuilds.rebuildIfStale("openness", documents::count,
				() -> tx.execute(s -> Search.session(em).search(SiteSearchDocument.class).where(f -> f.matchAll()).fetchTotalHitCount()),
				this::rebuild);
	}
}
