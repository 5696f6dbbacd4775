package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.casework.CaseId;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.identity.internal.ClientRegistrations;
import tongban.support.IntegrationTest;
import tongban.support.OidcFlow;
import tongban.support.TestCases;

/**
 * The REST API as a resource server, with tokens from the real authorization code flow: only access tokens (an ID
 * token signed by the same key is refused), only with the scope each API needs (documented per operation), and
 * only while the authorization store holds them as active: after a revocation, a reused code, and a reused
 * rotated-out refresh token (which revokes its whole family). Every refusal is a 401 with the bearer challenge.
 */
class ApiTokensIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** The revocation check's cache (5 s) and some margin. */
	private static final Duration REVOCATION = Duration.ofSeconds(15);

	@Autowired
	ClientRegistrations clients;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html,application/json");
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String challenge(HttpResponse<String> r) {
		return r.headers().firstValue("WWW-Authenticate").orElse("");
	}

	@Test
	void onlyAccessTokensWithTheScopeOfEachApi() throws Exception {
		Citizen me = newCitizen("范围检查", 2);
		CaseId caseId = TestCases.submittedSocialSecurityCard(applying, me);
		OidcFlow rp = new OidcFlow(url(""), clients, "profile", "cases.read");

		OidcFlow.Tokens openidOnly = rp.signIn(me.idNumber(), PASSWORD, null);
		var noScope = get("/api/cases/" + caseId, "Bearer " + openidOnly.access());
		assertThat(noScope.statusCode()).as("a token with scope openid only").isEqualTo(403);
		assertThat(noScope.body()).doesNotContain(me.idNumber());
		assertThat(challenge(noScope)).contains("insufficient_scope");
		assertThat(get("/api/cases", "Bearer " + openidOnly.access()).statusCode()).isEqualTo(403);
		assertThat(get("/api/me", "Bearer " + openidOnly.access()).statusCode()).as("who am I needs no scope").isEqualTo(200);

		OidcFlow.Tokens reader = rp.signIn(me.idNumber(), PASSWORD, null, "cases.read");
		var read = get("/api/cases/" + caseId, "Bearer " + reader.access());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains(caseId.toString());
		var write = http.send(HttpRequest.newBuilder(URI.create(url("/api/cases"))).header("Authorization", "Bearer " + reader.access())
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"itemCode\":\"x\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).as("reading is not writing").isEqualTo(403);
	}

	@Test
	void anIdTokenIsNeverABearer() throws Exception {
		Citizen me = newCitizen("身份令牌", 2);
		CaseId caseId = TestCases.submittedSocialSecurityCard(applying, me);
		OidcFlow.Tokens tokens = new OidcFlow(url(""), clients, "cases.read").signIn(me.idNumber(), PASSWORD, null, "cases.read");
		assertThat(get("/api/cases/" + caseId, "Bearer " + tokens.access()).statusCode()).as("its access token reads").isEqualTo(200);
		for (String path : new String[] { "/api/me", "/api/cases/" + caseId, "/userinfo" }) {
			var idToken = get(path, "Bearer " + tokens.id());
			assertThat(idToken.statusCode()).as("the ID token as a bearer at " + path).isEqualTo(401);
			assertThat(challenge(idToken)).contains("invalid_token");
			assertThat(idToken.body()).doesNotContain(me.idNumber());
		}
	}

	@Test
	void userinfoAnswersRefusalsWithTheBearerChallenge() throws Exception {
		var anonymous = get("/userinfo", null);
		assertThat(anonymous.statusCode()).as("no token: not the sign-in page").isEqualTo(401);
		assertThat(challenge(anonymous)).startsWith("Bearer");

		Citizen me = newCitizen("用户信息", 2);
		OidcFlow rp = new OidcFlow(url(""), clients, "profile");
		OidcFlow.Tokens tokens = rp.signIn(me.idNumber(), PASSWORD, null, "profile");
		assertThat(get("/userinfo", "Bearer " + tokens.access()).body()).contains("用户信息");
		assertThat(rp.revoke(tokens.access()).statusCode()).isEqualTo(200);
		Awaitility.await().atMost(REVOCATION).until(() -> get("/userinfo", "Bearer " + tokens.access()).statusCode() == 401);
		var revoked = get("/userinfo", "Bearer " + tokens.access());
		assertThat(challenge(revoked)).contains("Bearer").contains("invalid_token");

		String system = clientToken(clients, "ui-" + UUID.randomUUID().toString().substring(0, 8), "exchange");
		var notOpenid = get("/userinfo", "Bearer " + system);
		assertThat(notOpenid.statusCode()).as("a token without scope openid").isEqualTo(403);
		assertThat(challenge(notOpenid)).contains("insufficient_scope");
	}

	@Test
	void theOpenApiDocumentNamesTheScopeOfEachOperation() throws Exception {
		JsonNode api = JSON.readTree(get("/v3/api-docs", null).body());
		JsonNode scopes = api.path("components").path("securitySchemes").path("oauth2").path("flows");
		assertThat(scopes.path("authorizationCode").path("scopes").has("cases.read")).isTrue();
		assertThat(scopes.path("clientCredentials").path("scopes").has("exchange")).isTrue();
		assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/paths/~1api~1cases~1{id}/get/security/0/oauth2/0").asString()).isEqualTo("cases.read");
		assertThat(api.at("/paths/~1api~1cases~1{id}~1submission/post/security/0/oauth2/0").asString()).isEqualTo("cases.write");
		assertThat(api.at("/paths/~1api~1tasks/get/security/0/oauth2/0").asString()).isEqualTo("tasks");
		assertThat(api.at("/paths/~1api~1exchange~1{resource}~1records/get/security/0/oauth2/0").asString()).isEqualTo("exchange");
		assertThat(api.at("/paths/~1api~1me/get/security/0").has("bearer")).isTrue();
	}

	@Test
	void revokedTokensStopWorkingOnTheApi() throws Exception {
		Citizen me = newCitizen("撤销检查", 2);
		OidcFlow rp = new OidcFlow(url(""), clients, "cases.read");

		OidcFlow.Tokens revoked = rp.signIn(me.idNumber(), PASSWORD, null, "cases.read");
		assertThat(get("/api/me", "Bearer " + revoked.access()).statusCode()).isEqualTo(200);
		assertThat(rp.revoke(revoked.access()).statusCode()).isEqualTo(200);
		Awaitility.await().atMost(REVOCATION).until(() -> get("/api/me", "Bearer " + revoked.access()).statusCode() == 401);
		assertThat(challenge(get("/api/cases", "Bearer " + revoked.access()))).contains("invalid_token");

		OidcFlow.Tokens reused = rp.signIn(me.idNumber(), PASSWORD, null, "cases.read");
		assertThat(get("/api/cases", "Bearer " + reused.access()).statusCode()).isEqualTo(200);
		var again = rp.exchange(reused.code(), reused.verifier());
		assertThat(again.statusCode()).as("the same code twice").isEqualTo(400);
		assertThat(again.body()).contains("invalid_grant");
		Awaitility.await().atMost(REVOCATION).until(() -> get("/api/cases", "Bearer " + reused.access()).statusCode() == 401);
	}

	@Test
	void aReusedRefreshTokenRevokesItsWholeFamily() throws Exception {
		Citizen me = newCitizen("刷新检查", 2);
		OidcFlow rp = new OidcFlow(url(""), clients, "cases.read");
		OidcFlow.Tokens first = rp.signIn(me.idNumber(), PASSWORD, null, "cases.read");
		assertThat(first.refresh()).isNotNull();

		var refreshed = rp.refresh(first.refresh());
		assertThat(refreshed.statusCode()).isEqualTo(200);
		OidcFlow.Tokens second = OidcFlow.tokens(refreshed);
		assertThat(second.refresh()).as("rotated").isNotEqualTo(first.refresh());
		assertThat(get("/api/me", "Bearer " + second.access()).statusCode()).isEqualTo(200);

		assertThat(rp.refresh(first.refresh()).statusCode()).as("the rotated-out refresh token again").isEqualTo(400);
		assertThat(rp.refresh(second.refresh()).statusCode()).as("the newest refresh token of the family is revoked too").isEqualTo(400);
		Awaitility.await().atMost(REVOCATION).until(() -> get("/api/me", "Bearer " + second.access()).statusCode() == 401);
	}

	@Test
	void anyMalformedBearerIsA401WithTheChallenge() throws Exception {
		String garbage = "Bearer " + "!#$%&()*,:;<>?@[]^{|}~".repeat(1000).substring(0, 20_000);
		for (String bearer : new String[] { garbage, "Bearer abc.def.ghi", "Bearer " + "A".repeat(20_000), "Bearer" }) {
			for (String path : new String[] { "/api/me", "/api/cases", "/userinfo" }) {
				var r = get(path, bearer);
				assertThat(r.statusCode()).as(path + " with " + bearer.substring(0, Math.min(20, bearer.length()))).isEqualTo(401);
				assertThat(challenge(r)).startsWith("Bearer");
			}
		}
	}
}
