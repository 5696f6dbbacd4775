package tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.CatalogSearch;
import tongban.support.IntegrationTest;
import tongban.support.OnOpenSearch;
import tongban.support.OpenSearchNode;

/**
 * Search on a real OpenSearch node: the application really uses the cluster, the node analyses text token for token as
 * the embedded Lucene analysers built from the same {@link SearchAnalysis#ANALYSERS} do, and the start-up check
 * rebuilds a dropped remote index from the table.
 */
@OnOpenSearch
class SearchClusterIT extends IntegrationTest {

	@Autowired
	EntityManagerFactory entityManagers;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SearchDocumentRepository documents;

	@Autowired
	CatalogSearch search;

	@Autowired
	JsonMapper json;

	@Value("${tongban.data-dir}")
	String dataDir;

	final HttpClient client = HttpClient.newHttpClient();

	JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(OpenSearchNode.uri() + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Test
	void theApplicationSearchesOnTheClusterWithADatabaseOfItsOwn() {
		assertThat(Search.mapping(entityManagers).backend().unwrap(ElasticsearchBackend.class)).isNotNull();
		assertThat(dataDir).isEqualTo(OnOpenSearch.DATA_DIR.toString()).endsWith("-opensearch");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"chinese|社保卡补办需要什么材料",
			"chinese|我的身份证被偷了怎么办 ABC 123",
			"chinese|孩子明年读小学要准备什么",
			"latin|SheBaoKa sbk Jiehun",
			"grams|丧葬补助怎么领 ＡＢＣ１２３",
			"grams|家里老人去世了要办什么" })
	void theNodeAnalysesTextAsTheEmbeddedIndexDoes(String analyser, String text) throws Exception {
		JsonNode analysed = call("POST", "/items-read/_analyze",
				json.writeValueAsString(Map.of("analyzer", analyser, "text", text)));
		List<String> clusterTokens = new ArrayList<>();
		analysed.path("tokens").forEach(token -> clusterTokens.add(token.path("token").asString()));
		assertThat(clusterTokens).isNotEmpty().isEqualTo(luceneTokens(analyser, text));
	}

	@Test
	void aDroppedClusterIndexIsRebuiltFromTheTableOnStart() throws Exception {
		Search.mapping(entityManagers).scope(SearchDocument.class).schemaManager().dropAndCreate();
		assertThat(search.search("社会保障卡", null, null, null, 3).total()).isZero();
		indexing.run(null);
		assertThat(call("GET", "/items-read/_count", "").path("count").asLong()).isEqualTo(documents.count()).isPositive();
		assertThat(search.search("社会保障卡", null, null, null, 3).hits()).isNotEmpty();
	}

	/** The tokens of the embedded index's analyser, built from the same steps as the Lucene backend builds it. */
	static List<String> luceneTokens(String analyser, String text) {
		SearchAnalysis.Analyser definition = SearchAnalysis.ANALYSERS.stream()
			.filter(candidate -> candidate.name().equals(analyser))
			.findFirst()
			.orElseThrow();
		try {
			var builder = CustomAnalyzer.builder().withTokenizer(definition.tokenizer().lucene());
			for (SearchAnalysis.Step filter : definition.filters()) {
				if (filter.parameterised()) {
					builder.addTokenFilter(filter.lucene(), filter.luceneParameter(), Boolean.toString(filter.value()));
				}
				else {
					builder.addTokenFilter(filter.lucene());
				}
			}
			List<String> tokens = new ArrayList<>();
			try (Analyzer lucene = builder.build(); TokenStream stream = lucene.tokenStream("text", new StringReader(text))) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					tokens.add(term.toString());
				}
				stream.end();
			}
			return tokens;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
