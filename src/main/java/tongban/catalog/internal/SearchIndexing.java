package tongban.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.mapper.orm.Search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.catalog.SearchLanguage;
import tongban.catalog.ServiceGuide;
import tongban.shared.IndexRebuilds;

/**
 * Builds the search document of a published guide, and on start-up rebuilds the index from the table when the two
 * disagree (a new data folder, a deleted index); on a shared search cluster one node at a time ({@link IndexRebuilds}).
 */
@Component
@Order(40)
public class SearchIndexing implements ApplicationRunner {

	private final EntityManager em;
	private final SearchDocumentRepository documents;
	private final TransactionTemplate tx;
	private final Synonyms synonyms;
	private final IndexRebuilds rebuilds;

	SearchIndexing(EntityManager em, SearchDocumentRepository documents, TransactionTemplate tx, Synonyms synonyms,
			IndexRebuilds rebuilds) {
		this.em = em;
		this.documents = documents;
		this.tx = tx;
		this.synonyms = synonyms;
		this.rebuilds = rebuilds;
	}

	/** The search document; pinyin covers the name, aliases, keywords and their synonym variants (社保卡 for 社会保障卡). */
	public SearchDocument document(ServiceGuide g) {
		Set<String> names = new LinkedHashSet<>();
		names.add(g.name());
		names.addAll(g.aliases());
		if (g.subItem() != null) {
			names.add(g.subItem());
		}
		if (g.mainItem() != null) {
			names.add(g.mainItem());
		}
		for (String n : List.copyOf(names)) {
			names.addAll(synonyms.expand(n));
		}
		SearchLanguage.Spelling spelling = SearchLanguage.spell(names, g.keywords());
		StringBuilder body = new StringBuilder();
		append(body, g.mainItem(), g.subItem(), g.conditions(), g.resultName(), g.legalBasis(), String.join(" ", g.themes()));
		g.materials().forEach(m -> append(body, m.name()));
		g.faq().forEach(f -> append(body, f.q()));
		return new SearchDocument(g.code(), g.name(), String.join(" ", g.aliases()), String.join(" ", g.keywords()),
				body.toString(), spelling.pinyin(), spelling.initials(), g.type().name(), g.department(),
				g.onlineDepth(), g.requiredVisits(), g.scope());
	}

	/** Words as the smartcn HMM tokenizer segments them (the same segmentation the index uses). */
	public static List<String> words(String text) {
		List<String> out = new ArrayList<>();
		try (Tokenizer t = new HMMChineseTokenizer()) {
			t.setReader(new StringReader(text));
			var term = t.addAttribute(CharTermAttribute.class);
			t.reset();
			while (t.incrementToken()) {
				out.add(term.toString());
			}
			t.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	private static void append(StringBuilder sb, String... parts) {
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				sb.append(p).append('\n');
			}
		}
	}

	/** Rebuilds the whole index from catalog_search_document (needs no session or transaction). */
	public void rebuild() throws InterruptedException {
		Search.mapping(em.getEntityManagerFactory()).scope(SearchDocument.class).massIndexer().threadsToLoadObjects(2)
			.batchSizeToLoadObjects(500).startAndWait();
	}

	/** Removes an item from search (withdrawn); the index follows when the transaction commits. */
	public void remove(String code) {
		documents.deleteById(code);
	}

	/** Saves (or replaces) the search document; Hibernate Search indexes it when the transaction commits. */
	public void index(ServiceGuide g) {
		documents.save(document(g));
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		rebuilds.rebuildIfStale("catalog", documents::count,
				() -> tx.execute(s -> Search.session(em).search(SearchDocument.class).where(f -> f.matchAll()).fetchTotalHitCount()),
				this::rebuild);
	}
}
