package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.openness.internal.knowledge.KnowledgeEntry;
import tongban.openness.internal.knowledge.KnowledgeReading;
import tongban.support.IntegrationTest;

/**
 * Site-wide search over items and the openness content: a published policy, interpretation and article are found by
 * /search and /api/search with a facet by content type (counts checked), the interpretation's questions enter the
 * knowledge base; a retraction takes the publication and its questions out at once; bad input is an ordinary page.
 */
class SiteSearchIT extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	KnowledgeReading reading;

	@Autowired
	JsonMapper json;

	final HttpClient client = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	JsonNode api(String query) throws Exception {
		return json.readTree(get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
	}

	void publish(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	static PublicationPublished publication(UUID id, PublicationKind kind, String title, String text, String path,
			List<PublicationPublished.QuestionAnswer> questions) {
		return new PublicationPublished(id, kind, title, text, List.of("XH-SCJG"), path, LocalDate.of(2026, 11, 2), questions);
	}

	@Test
	void publishedContentIsFoundWithAFacetAndARetractionTakesItOutAtOnce() throws Exception {
		String word = "鹭鸶" + (System.nanoTime() % 90000 + 10000);
		UUID policy = UUID.randomUUID(), otherPolicy = UUID.randomUUID(), interpretation = UUID.randomUUID(), article = UUID.randomUUID();
		publish(publication(policy, PublicationKind.POLICY, "西湖区" + word + "扶持办法", "第一条 为扶持" + word + "产业发展，制定本办法。",
				"/policies/" + policy, List.of()));
		publish(publication(otherPolicy, PublicationKind.POLICY, "关于" + word + "补贴申报的通知", "符合条件的" + word + "经营户可以申报补贴。",
				"/policies/" + otherPolicy, List.of()));
		publish(publication(interpretation, PublicationKind.INTERPRETATION, "《西湖区" + word + "扶持办法》解读", "一图读懂" + word + "扶持办法。",
				"/interpretations/" + interpretation,
				List.of(new PublicationPublished.QuestionAnswer(word + "补贴每户最多能拿多少？", "每户每年最高补贴五万元，按实际投入的30%核定。"))));
		publish(publication(article, PublicationKind.ARTICLE, word + "产业座谈会召开", "区政府召开" + word + "产业座谈会。", "/articles/" + article,
				List.of()));

		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			JsonNode r = api(word);
			assertThat(r.get("byContentType").get("POLICY").asLong()).isEqualTo(2);
			assertThat(r.get("byContentType").get("INTERPRETATION").asLong()).isEqualTo(1);
			assertThat(r.get("byContentType").get("ARTICLE").asLong()).isEqualTo(1);
			assertThat(r.get("byContentType").get("KNOWLEDGE").asLong()).isEqualTo(1);
		});
		JsonNode policies = api(word).get("content");
		assertThat(policies.valueStream().map(h -> h.get("path").asString()).toList())
			.contains("/policies/" + policy, "/policies/" + otherPolicy, "/interpretations/" + interpretation, "/articles/" + article);
		JsonNode onlyPolicies = json.readTree(get("/api/search?kind=POLICY&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).body());
		assertThat(onlyPolicies.get("content").valueStream().map(h -> h.get("contentType").asString()).distinct().toList()).containsExactly("POLICY");
		assertThat(onlyPolicies.get("content").size()).isEqualTo(2);

		String page = get("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).body();
		assertThat(page).contains("data-testid=\"search-content\"").contains("href=\"/policies/" + policy + "\"")
			.contains("href=\"/interpretations/" + interpretation + "\"").contains("政策文件 (2)").contains("政策解读 (1)");
		// the interpretation's question is in the knowledge base, linking the interpretation
		List<KnowledgeEntry> answers = reading.answers(word + "补贴最多多少", 3);
		assertThat(answers).first().satisfies(e -> assertThat(e.links()).extracting(KnowledgeEntry.Source::url).containsExactly("/interpretations/" + interpretation));

		publish(new PublicationRetracted(policy, PublicationKind.POLICY, PublicationRetracted.Reason.REPEALED));
		publish(new PublicationRetracted(interpretation, PublicationKind.INTERPRETATION, PublicationRetracted.Reason.WITHDRAWN));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode r = api(word);
			assertThat(r.get("byContentType").get("POLICY").asLong()).isEqualTo(1);
			assertThat(r.get("byContentType").has("INTERPRETATION")).isFalse();
			assertThat(r.get("byContentType").has("KNOWLEDGE")).isFalse();
		});
		assertThat(get("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).body())
			.doesNotContain("/policies/" + policy).doesNotContain("/interpretations/" + interpretation).contains("/policies/" + otherPolicy);
		assertThat(reading.answers(word + "补贴最多多少", 3)).noneMatch(e -> e.links().stream().anyMatch(l -> l.url().contains(interpretation.toString())));
	}

	@Test
	void itemsAreStillFoundBesideTheOtherContent() throws Exception {
		JsonNode r = api("社保卡补办");
		assertThat(r.get("hits").valueStream().map(h -> h.get("name").asString()).toList()).isNotEmpty();
		assertThat(r.get("byContentType").get("ITEM").asLong()).isPositive();
		assertThat(r.get("byContentType").get("KNOWLEDGE").asLong()).isPositive();
		// pinyin and synonyms reach the knowledge entries too
		assertThat(api("shebaoka").get("content").valueStream().map(h -> h.get("contentType").asString()).toList()).contains("KNOWLEDGE");
	}

	@Test
	void badInputGivesAnOrdinaryPage() throws Exception {
		for (String path : new String[] { "/search?q=" + "社".repeat(3000), "/search?q=%21%40%23%24%25%5E", "/search?q=a%00b",
				"/knowledge?q=" + "保".repeat(3000), "/knowledge?q=%3Cscript%3E", "/knowledge?q=a%00b", "/knowledge?page=-1",
				"/knowledge?page=99999999999", "/knowledge/not-an-id", "/knowledge/" + UUID.randomUUID(), "/knowledge/answers?q=%00",
				"/api/knowledge?q=%00", "/api/knowledge?q=" + "卡".repeat(3000), "/api/search?q=%25%25&kind=NOPE", "/api/knowledge?size=-5&q=社保卡" }) {
			HttpResponse<String> r = get(path);
			String shown = path.length() > 60 ? path.substring(0, 60) + "…" : path;
			assertThat(r.statusCode()).as(shown).isIn(200, 400, 404);
			assertThat(r.body()).as(shown).doesNotContain("服务暂时出现问题").doesNotContain("<script>");
		}
		assertThat(get("/knowledge?q=社保卡丢了怎么补").body()).contains("data-testid=\"knowledge-answer\"").contains("data-testid=\"knowledge-source\"");
		JsonNode api = json.readTree(get("/api/knowledge?q=" + URLEncoder.encode("社保卡丢了怎么补", StandardCharsets.UTF_8)).body());
		assertThat(api.get("answers").size()).isPositive();
		assertThat(api.get("answers").get(0).get("sources").size()).isPositive();
	}
}
