package tongban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.internal.LifeSituations;
import tongban.catalog.internal.SearchDocument;
import tongban.catalog.internal.Synonyms;

/**
 * Unified search over published items and bundles: Chinese words (smartcn), synonyms, life situations (how people ask:
 * "身份证丢了"), pinyin full and initials with prefix and one-typo tolerance for longer Latin input, facets. Any input is a normal query: blank, symbol-only or very long input is
 * trimmed or yields no hits, never an error.
 */
@Service
@Transactional(readOnly = true)
public class CatalogSearch {

	public static final int MAX_QUERY = 50;
	static final int MIN_FUZZY_INITIALS = 5;
	static final int MIN_FUZZY_PINYIN = 4;
	private static final AggregationKey<Map<String, Long>> BY_TYPE = AggregationKey.of("type");
	private static final AggregationKey<Map<String, Long>> BY_DEPARTMENT = AggregationKey.of("department");
	private static final AggregationKey<Map<Integer, Long>> BY_VISITS = AggregationKey.of("visits");

	/** A situation's first code gains this much score, each later one a little less: above most word matches. */
	static final float SITUATION_BOOST = 40f;
	/** Bundles shown beside the items at most. */
	static final int MAX_BUNDLES = 3;

	private final EntityManager em;
	private final Synonyms synonyms;
	private final LifeSituations situations;
	private final CatalogManagement catalog;

	CatalogSearch(EntityManager em, Synonyms synonyms, LifeSituations situations, CatalogManagement catalog) {
		this.em = em;
		this.synonyms = synonyms;
		this.situations = situations;
		this.catalog = catalog;
	}

	/** Letters, digits and Han characters only; at most {@link #MAX_QUERY} of them. */
	public static String clean(String raw) {
		return SearchLanguage.clean(raw, MAX_QUERY);
	}

	public SearchResult search(String raw, String type, String department, Integer maxVisits, int limit) {
		String q = clean(raw);
		if (q.isEmpty()) {
			return SearchResult.empty(q);
		}
		List<String> variants = synonyms.expand(q);
		List<String> situationCodes = variants.stream().flatMap(v -> situations.codes(v).stream()).distinct().toList();
		// hits are projected from the index's stored fields: no entity loading, no database round trip
		var result = Search.session(em)
			.search(SearchDocument.class)
			.select(f -> f.composite()
				.from(f.id(String.class), f.field("name", String.class), f.field("type", String.class),
						f.field("departmentCode", String.class), f.field("onlineDepth", Integer.class),
						f.field("requiredVisits", Integer.class), f.field("scope", String.class))
				.asList(v -> new ItemSummary((String) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3),
						(Integer) v.get(4), (Integer) v.get(5), (String) v.get(6))))
			.where(f -> {
				BooleanPredicateClausesStep<?, ?> bool = f.bool();
				var should = f.bool();
				SearchLanguage.matchText(f, should, q, variants);
				for (int i = 0; i < situationCodes.size(); i++) {
					should.should(f.id().matching(situationCodes.get(i)).boost(SITUATION_BOOST - i));
				}
				bool.must(should);
				filters(f, bool, type, department, maxVisits);
				return bool;
			})
			.sort(f -> f.score().then().field("popularity").desc().then().field("code"))
			.aggregation(BY_TYPE, f -> f.terms().field("type", String.class))
			.aggregation(BY_DEPARTMENT, f -> f.terms().field("departmentCode", String.class))
			.aggregation(BY_VISITS, f -> f.terms().field("requiredVisits", Integer.class))
			.fetch(Math.clamp(limit, 1, 100));
		List<ItemSummary> hits = new ArrayList<>(result.hits());
		return new SearchResult(q, result.total().hitCount(), hits, new LinkedHashMap<>(result.aggregation(BY_TYPE)),
				new LinkedHashMap<>(result.aggregation(BY_DEPARTMENT)), new LinkedHashMap<>(result.aggregation(BY_VISITS)),
				bundles(variants, situationCodes));
	}

	/**
	 * 一件事 bundles that answer the query: those a life situation names, then those whose name the query is part of or
	 * names ("新生儿出生" → 新生儿出生一件事). Only bundles on offer (active, every item published).
	 */
	private List<Bundle> bundles(List<String> variants, List<String> situationCodes) {
		List<Bundle> offered = catalog.bundles();
		List<Bundle> out = new ArrayList<>();
		for (String code : situationCodes) {
			offered.stream().filter(b -> b.code().equals(code)).findFirst().ifPresent(out::add);
		}
		for (Bundle b : offered) {
			String core = b.name().replace(Bundle.SUFFIX, "");
			boolean named = core.length() >= 2 && variants.stream().map(v -> v.replace(" ", "")).anyMatch(v -> v.length() >= 2 && (core.contains(v) || v.contains(core)));
			if (named && !out.contains(b)) {
				out.add(b);
			}
		}
		return out.size() > MAX_BUNDLES ? List.copyOf(out.subList(0, MAX_BUNDLES)) : List.copyOf(out);
	}

	private static void filters(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> bool, String type,
			String department, Integer maxVisits) {
		if (type != null && !type.isBlank()) {
			bool.filter(f.match().field("type").matching(type));
		}
		if (department != null && !department.isBlank()) {
			bool.filter(f.match().field("departmentCode").matching(department));
		}
		if (maxVisits != null) {
			bool.filter(f.range().field("requiredVisits").atMost(maxVisits));
		}
	}
}
