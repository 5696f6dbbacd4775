package tongban.catalog.internal;

import java.util.List;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Analysers for unified search: {@code chinese} segments words with Lucene's smartcn HMM tokenizer (the same
 * segmentation as SmartChineseAnalyzer, without its English stemming); {@code latin} keeps whitespace-separated
 * pinyin tokens, lower-cased, for prefix and one-typo matching; {@code grams} indexes Han characters and their pairs, for
 * colloquial questions whose words smartcn segments differently from the entry's ("丧葬补助" and "丧葬费" share 丧葬).
 * <p>
 * Both backends read the one list {@link #ANALYSERS}: each step names its Lucene factory and the Elasticsearch /
 * OpenSearch type that wraps the same Lucene class, so the embedded index and a search cluster cannot drift apart
 * (ADR 0048). On a cluster {@code smartcn_tokenizer} comes from the {@code analysis-smartcn} plugin.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

	public static final String CHINESE = "chinese";
	public static final String LATIN = "latin";
	public static final String GRAMS = "grams";

	/** One tokenizer or token filter: its Lucene factory name, its cluster type, and a boolean parameter if any. */
	record Step(String lucene, String cluster, String luceneParameter, String clusterParameter, boolean value) {

		static Step of(String lucene, String cluster) {
			return new Step(lucene, cluster, null, null, false);
		}

		Step with(String luceneName, String clusterName, boolean parameterValue) {
			return new Step(lucene, cluster, luceneName, clusterName, parameterValue);
		}

		boolean parameterised() {
			return luceneParameter != null;
		}
	}

	/** An analyser: a tokenizer, then token filters in order. */
	record Analyser(String name, Step tokenizer, List<Step> filters) {
	}

	static final List<Analyser> ANALYSERS = List.of(
			new Analyser(CHINESE, Step.of("hmmChinese", "smartcn_tokenizer"), List.of(Step.of("lowercase", "lowercase"))),
			new Analyser(LATIN, Step.of("whitespace", "whitespace"), List.of(Step.of("lowercase", "lowercase"))),
			new Analyser(GRAMS, Step.of("standard", "standard"),
					List.of(Step.of("cjkWidth", "cjk_width"), Step.of("lowercase", "lowercase"),
							Step.of("cjkBigram", "cjk_bigram").with("outputUnigrams", "output_unigrams", true))));

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		for (Analyser analyser : ANALYSERS) {
			var steps = context.analyzer(analyser.name()).custom().tokenizer(analyser.tokenizer().lucene());
			for (Step filter : analyser.filters()) {
				var step = steps.tokenFilter(filter.lucene());
				if (filter.parameterised()) {
					step.param(filter.luceneParameter(), Boolean.toString(filter.value()));
				}
			}
		}
	}

	/**
	 * The same analysers on a cluster; a parameterised filter becomes a named filter of its own
	 * ({@code grams_cjk_bigram}), as the cluster's analysis settings need.
	 */
	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		for (Analyser analyser : ANALYSERS) {
			String[] filters = new String[analyser.filters().size()];
			for (int i = 0; i < filters.length; i++) {
				Step filter = analyser.filters().get(i);
				filters[i] = filter.cluster();
				if (filter.parameterised()) {
					filters[i] = analyser.name() + "_" + filter.cluster();
					context.tokenFilter(filters[i]).type(filter.cluster()).param(filter.clusterParameter(), filter.value());
				}
			}
			context.analyzer(analyser.name()).custom().tokenizer(analyser.tokenizer().cluster()).tokenFilters(filters);
		}
	}
}
