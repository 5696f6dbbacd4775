package tongban.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.springframework.stereotype.Component;

import tongban.catalog.internal.Pinyin;
import tongban.catalog.internal.SearchAnalysis;
import tongban.catalog.internal.SearchIndexing;
import tongban.catalog.internal.Synonyms;

/**
 * The Chinese analysis of unified search, for other modules that index their own content into it (the openness
 * module's policies, articles and knowledge entries): the analyser names (smartcn words, Latin pinyin), synonym
 * expansion from data/catalog/synonyms.txt, pinyin, and the text-matching clauses item search uses, so a policy is
 * found by the same words, pinyin, synonyms and one typo as an item. An indexed type that uses these clauses names its
 * fields {@code name}, {@code aliases}, {@code keywords}, {@code body}, {@code pinyin} and {@code initials}.
 */
@Component
public class SearchLanguage {

	/** The smartcn analyser (Lucene's HMM Chinese tokenizer and lower-case). */
	public static final String CHINESE = SearchAnalysis.CHINESE;
	/** Whitespace and lower-case, for pinyin tokens. */
	public static final String LATIN = SearchAnalysis.LATIN;
	/** Han characters and character pairs (CJK bigrams with unigrams), for matching colloquial questions. */
	public static final String GRAMS = SearchAnalysis.GRAMS;

	private final Synonyms synonyms;

	SearchLanguage(Synonyms synonyms) {
		this.synonyms = synonyms;
	}

	/** The query and its synonym variants ("社保卡补办" → also "社会保障卡补办"), the query first. */
	public List<String> expand(String query) {
		return synonyms.expand(query);
	}

	/** Full pinyin without tones ("shebaoka"). */
	public static String pinyin(String text) {
		return Pinyin.full(text);
	}

	/** Pinyin initials ("sbk"). */
	public static String initials(String text) {
		return Pinyin.initials(text);
	}

	/** The pinyin and initials tokens a search document carries for Latin input. */
	public record Spelling(String pinyin, String initials) {
	}

	/**
	 * The Latin spelling of a document's names and further words: full pinyin and initials of each, and the full pinyin
	 * of each two-or-more-character word of the names too, so a typo in part of a name ("jiehn") is within one edit of a
	 * whole token. Both indexes (items, openness content) spell their documents this way.
	 */
	public static Spelling spell(Collection<String> names, Collection<String> further) {
		List<String> pinyin = new ArrayList<>();
		List<String> initials = new ArrayList<>();
		for (String text : names) {
			pinyin.add(Pinyin.full(text));
			initials.add(Pinyin.initials(text));
		}
		for (String text : further) {
			pinyin.add(Pinyin.full(text));
			initials.add(Pinyin.initials(text));
		}
		for (String name : names) {
			for (String word : words(name)) {
				if (word.length() >= 2) {
					pinyin.add(Pinyin.full(word));
				}
			}
		}
		return new Spelling(String.join(" ", pinyin), String.join(" ", initials));
	}

	/** Words as the index segments them. */
	public static List<String> words(String text) {
		return SearchIndexing.words(text);
	}

	/** Letters, digits and Han characters only, at most {@code max} of them (everything else becomes a space). */
	public static String clean(String raw, int max) {
		if (raw == null) {
			return "";
		}
		String s = raw.replaceAll("[^\\p{IsHan}\\p{L}\\p{N}]+", " ").strip();
		return s.length() > max ? s.substring(0, max).strip() : s;
	}

	/**
	 * Adds to {@code should} the clauses that match a cleaned query: its words in the name, aliases and keywords (at
	 * least half of them), all of them in the body, the phrase in the name and aliases, for each synonym variant; and
	 * for Latin input, pinyin and initials by prefix and, when long enough to carry it, one typo.
	 */
	public static void matchText(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> should, String query,
			List<String> variants) {
		for (String v : variants) {
			// in the name, aliases and keywords at least half of the query's words must match; in the body all of
			// them (words like 身份证 appear in most guides): fewer, better hits, cheaper facets
			should.should(f.match().field("name").boost(6f).field("aliases").boost(5f).field("keywords").boost(3f)
				.matching(v).minimumShouldMatchPercent(50));
			should.should(f.match().field("body").matching(v).minimumShouldMatchPercent(100));
			should.should(f.phrase().field("name").boost(4f).field("aliases").boost(4f).matching(v));
		}
		if (query.matches("[A-Za-z0-9 ]+")) {
			String compact = query.replace(" ", "").toLowerCase();
			should.should(f.wildcard().field("initials").matching(compact + "*").boost(8f));
			should.should(f.wildcard().field("pinyin").matching(compact + "*").boost(6f));
			// one typo only in input long enough to carry it: "sbk" within one edit of 税控's "sk" is no match
			if (compact.length() >= CatalogSearch.MIN_FUZZY_INITIALS) {
				should.should(f.match().field("initials").matching(compact).fuzzy(1).boost(3f));
			}
			if (compact.length() >= CatalogSearch.MIN_FUZZY_PINYIN) {
				should.should(f.match().field("pinyin").matching(compact).fuzzy(1).boost(3f));
			}
		}
	}
}
