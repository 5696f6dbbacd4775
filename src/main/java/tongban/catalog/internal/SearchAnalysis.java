package tongban.catalog.internal;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Analysers for unified search: {@code chinese} segments words with Lucene's smartcn HMM tokenizer (the same
 * segmentation as SmartChineseAnalyzer, without its English stemming); {@code latin} keeps whitespace-separated
 * pinyin tokens, lower-cased, for prefix and one-typo matching; {@code grams} indexes Han characters and their pairs, for
 * colloquial questions whose words smartcn segments differently from the entry's ("丧葬补助" and "丧葬费" share 丧葬).
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	public static final String CHINESE = "chinese";
	public static final String LATIN = "latin";
	public static final String GRAMS = "grams";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CHINESE).custom().tokenizer("hmmChinese").tokenFilter("lowercase");
		context.analyzer(LATIN).custom().tokenizer("whitespace").tokenFilter("lowercase");
		context.analyzer(GRAMS).custom().tokenizer("standard").tokenFilter("cjkWidth").tokenFilter("lowercase")
			.tokenFilter("cjkBigram").param("outputUnigrams", "true");
	}
}
