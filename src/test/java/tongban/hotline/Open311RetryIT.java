package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 posting as a client on a bad network does it: a request whose answer was lost is sent again and gets the ticket
 * already created (by its Idempotency-Key, or without one as the identical request with the same SMS code), never a
 * refusal of the used code nor a second ticket; a key reused for other content is refused. And GeoReport v2's
 * description: optional, up to 4,000 characters.
 */
class Open311RetryIT extends IntegrationTest {

	@Autowired
	Tickets reading;

	@Autowired
	Open311Clients clients;

	@Autowired
	HotlineCatalogue catalogue;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	private Map<String, String> request(String phone, String code, String description) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("service_code", "CS0102");
		fields.put("attribute[region]", "330106");
		fields.put("address_string", "文三路学院路口");
		fields.put("phone", phone);
		if (code != null) {
			fields.put("attribute[phone_code]", code);
		}
		if (description != null) {
			fields.put("description", description);
		}
		return fields;
	}

	private HttpResponse<String> post(String apiKey, Map<String, String> fields, String idempotencyKey) {
		StringBuilder body = new StringBuilder("api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
		fields.forEach((k, v) -> body.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (idempotencyKey != null) {
			b.header("Idempotency-Key", idempotencyKey);
		}
		return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).join();
	}

	private String number(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get(0).get("service_request_id").asString();
	}

	private long tickets(String phone) {
		return jdbc.sql("select count(*) from hotline_ticket where phone_index = ?").param(keys.blindIndex(phone)).query(Long.class).single();
	}

	private String code(String apiKey, String phone) {
		var sent = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/open311/v2/phone_codes.json")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8) + "&phone=" + phone))
			.build(), HttpResponse.BodyHandlers.ofString()).join();
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		return lastSmsCode(phone);
	}

	@Test
	void aRetryWithTheSameKeyGetsTheTicketAlreadyCreatedEvenSentTwiceAtOnce() {
		String apiKey = clients.register("o311-retry-" + UUID.randomUUID().toString().substring(0, 8), false);
		String phone = TestPeople.mobile();
		Map<String, String> fields = request(phone, code(apiKey, phone), "路灯不亮已经三天了，晚上很危险。");
		String key = UUID.randomUUID().toString();

		List<CompletableFuture<String>> copies = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			copies.add(CompletableFuture.supplyAsync(() -> number(post(apiKey, fields, key))));
		}
		String first = copies.get(0).join();
		assertThat(copies).extracting(CompletableFuture::join).containsOnly(first);
		HttpResponse<String> later = post(apiKey, fields, key);
		assertThat(number(later)).isEqualTo(first);
		assertThat(later.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(tickets(phone)).isEqualTo(1);

		// the same key for another request is refused, and saves nothing
		Map<String, String> other = new LinkedHashMap<>(fields);
		other.put("description", "另一件事：井盖缺失，请尽快处理。");
		HttpResponse<String> reused = post(apiKey, other, key);
		assertThat(reused.statusCode()).isEqualTo(422);
		JsonNode error = json.readTree(reused.body()).get(0);
		assertThat(error.get("code").asInt()).isEqualTo(422);
		assertThat(error.get("description").asString()).contains("Idempotency-Key");
		assertThat(tickets(phone)).isEqualTo(1);
	}

	@Test
	void anIdenticalRetryWithTheSameCodeGetsTheSameTicketAndOtherContentDoesNot() {
		String apiKey = clients.register("o311-retry-" + UUID.randomUUID().toString().substring(0, 8), false);
		String phone = TestPeople.mobile();
		String code = code(apiKey, phone);
		Map<String, String> fields = request(phone, code, "小区门口的垃圾已经三天没人清运了。");

		String first = number(post(apiKey, fields, null));
		assertThat(number(post(apiKey, fields, null))).isEqualTo(first);
		assertThat(tickets(phone)).isEqualTo(1);

		// other content with the used code is a new request: the code is spent
		Map<String, String> other = new LinkedHashMap<>(fields);
		other.put("description", "小区门口的垃圾又堆起来了，请再来清运。");
		HttpResponse<String> spent = post(apiKey, other, null);
		assertThat(spent.statusCode()).isEqualTo(400);
		assertThat(spent.body()).contains("attribute[phone_code]");
		assertThat(tickets(phone)).isEqualTo(1);
	}

	@Test
	void theDescriptionIsOptionalAndMayHoldFourThousandCharacters() {
		String apiKey = clients.register("o311-desc-" + UUID.randomUUID().toString().substring(0, 8), true);

		String without = number(post(apiKey, request(TestPeople.mobile(), null, null), null));
		assertThat(reading.byNumber(without).orElseThrow().description()).contains("文三路学院路口")
			.contains(catalogue.category("CS0102").orElseThrow().name());

		String full = "路灯".repeat(2_000);
		String longOne = number(post(apiKey, request(TestPeople.mobile(), null, full), null));
		assertThat(reading.byNumber(longOne).orElseThrow().description()).isEqualTo(full);

		HttpResponse<String> tooLong = post(apiKey, request(TestPeople.mobile(), null, full + "灯"), null);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("description");
	}
}
