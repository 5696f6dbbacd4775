package tongban.searchnode;

import java.util.Map;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The {@code smartcn_tokenizer} of OpenSearch's {@code analysis-smartcn} plugin, which Maven Central does not serve
 * (only the distribution's plugin zip has it): the same Lucene {@link HMMChineseTokenizer} under the same name, so
 * the index settings Tongban sends work unchanged on a production cluster with the official plugin installed.
 */
public class SmartChinesePlugin extends Plugin implements AnalysisPlugin {

	@Override
	public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
		return Map.of("smartcn_tokenizer", (indexSettings, environment, name, settings) -> TokenizerFactory
			.newFactory(name, HMMChineseTokenizer::new));
	}
}
