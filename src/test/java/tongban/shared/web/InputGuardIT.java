package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of issue #16 that answered 500 because a NUL reached PostgreSQL: each is now a 400 that names the field,
 * in the format of where it was sent (problem+json under /api, Open311's error array, the error page with its summary);
 * tab and line feed still pass as text.
 */
class InputGuardIT extends IntegrationTest {

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	private HttpResponse<String> send(HttpRequest request) {
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(url(path))).build());
	}

	private void refusedAsProblem(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("control-characters");
		assertThat(problem.get("errors").has(field)).as(response.body()).isTrue();
	}

	@Test
	void theApiRefusesNulInParametersHeadersAndJsonNamingTheField() {
		refusedAsProblem(get("/api/items?scope=%00"), "scope");
		refusedAsProblem(get("/api/items?theme=a%00b"), "theme");
		refusedAsProblem(get("/api/items?department=%01"), "department");

		Citizen citizen = newCitizen("控制字符", 2);
		refusedAsProblem(send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).header("Authorization", "Bearer " + accessToken(citizen.id(), "cases.write"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"itemCode\":\"a\\u0000b\"}")).build()),
				"/itemCode");

		String system = accessToken("yb-system-demo", "exchange");
		refusedAsProblem(send(HttpRequest.newBuilder(URI.create(url("/api/exchange/XH-GA-RK/records?subject=330106199001010010&fields=%00")))
			.header("Authorization", "Bearer " + system).header("Tongban-Purpose", "check").header("Tongban-Issue", "1").build()), "fields");
		refusedAsProblem(send(HttpRequest.newBuilder(URI.create(url("/api/exchange/XH-GA-RK/records?subject=330106199001010010")))
			.header("Authorization", "Bearer " + system).header("Tongban-Purpose", "%00").header("Tongban-Issue", "1").build()),
				"Tongban-Purpose");
	}

	@Test
	void aJsonBodyIsBoundedBeforeItIsReadIntoMemory() {
		Citizen citizen = newCitizen("超大请求", 2);
		String token = accessToken(citizen.id(), "cases.write");
		String big = "{\"itemCode\":\"" + "a".repeat(InputGuard.MAX_JSON_BYTES) + "\"}";
		HttpResponse<String> declared = send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build());
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
		assertThat(json.readTree(declared.body()).get("code").asString()).isEqualTo("body-too-large");
		// chunked, with no length declared: read only up to the bound
		HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
	}

	@Test
	void open311AnswersItsOwnErrorArray() {
		HttpResponse<String> response = get("/open311/v2/requests.json?service_request_id=a%00b");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json.readTree(response.body()).get(0);
		assertThat(error.get("code").asInt()).isEqualTo(400);
		assertThat(error.get("description").asString()).contains("service_request_id");

		HttpResponse<String> xml = send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.xml")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("api_key=Tongban%402026&description=a%00b")).build());
		assertThat(xml.statusCode()).isEqualTo(400);
		assertThat(xml.body()).startsWith("<?xml").contains("<code>400</code>").contains("description");
	}

	@Test
	void aPageShowsTheErrorSummaryNamingTheField() {
		HttpResponse<String> page = get("/browse?scope=%00");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("data-testid=\"error-summary\"").contains("“scope”含有不允许的控制字符");

		String boundary = "b0undary";
		byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan\u0000.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(url("/hotline/new")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
		assertThat(upload.statusCode()).isEqualTo(400);
		assertThat(upload.body()).contains("“filename”含有不允许的控制字符");
	}

	@Test
	void tabsAndLineBreaksAreText() {
		assertThat(get("/api/items?scope=a%09b%0Ac%0D").statusCode()).isNotEqualTo(400);
		assertThat(get("/open311/v2/requests.json?service_request_id=a%0Ab").statusCode()).isEqualTo(200);
	}
}
