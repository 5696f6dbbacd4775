package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.ClientRegistrations;
import tongban.support.IntegrationTest;

/**
 * Runs src/test/node/oidc-rp.mjs, a relying party on the certified openid-client library, against the running
 * platform: discovery, authorization code + PKCE through the real login and consent pages, userinfo, RP-initiated
 * logout, code reuse, client credentials, and an unregistered redirect_uri.
 */
class OidcRelyingPartyIT extends IntegrationTest {

	/** Identity's own test: it looks at the accounts it made. */
	@Autowired
	AccountRepository accounts;

	@Autowired
	ClientRegistrations clients;

	@Test
	void certifiedRelyingPartyCompletesEveryFlow() throws Exception {
		Citizen citizen = newCitizen("赵子龙", 2);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String redirect = "http://127.0.0.1:9876/cb";
		clients.save("rp-" + suffix, "测试业务系统", "rp-secret-" + suffix, List.of("authorization_code", "refresh_token"),
				List.of("openid", "profile", "idcard"), List.of(redirect), List.of("http://127.0.0.1:9876/bye"));
		clients.save("cc-" + suffix, "测试部门系统", "cc-secret-" + suffix, List.of("client_credentials"), List.of("api"),
				List.of(), List.of());

		ProcessBuilder pb = new ProcessBuilder("node", "oidc-rp.mjs").directory(Path.of("src/test/node").toFile())
			.redirectErrorStream(false);
		pb.environment().putAll(java.util.Map.of("ISSUER", url(""), "CLIENT_ID", "rp-" + suffix, "CLIENT_SECRET",
				"rp-secret-" + suffix, "REDIRECT_URI", redirect, "POST_LOGOUT_URI", "http://127.0.0.1:9876/bye", "USERNAME",
				citizen.idNumber(), "PASSWORD", PASSWORD, "CC_CLIENT_ID", "cc-" + suffix, "CC_CLIENT_SECRET",
				"cc-secret-" + suffix));
		Process p = pb.start();
		assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("node finished").isTrue();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.exitValue()).as("node exit; stderr: " + err + " stdout: " + out).isZero();
		JsonNode r = JsonMapper.builder().build().readTree(out);

		assertThat(r.path("discovered").asString()).isEqualTo(url(""));
		assertThat(r.path("firstRedirect").asString()).endsWith("/login");
		assertThat(r.path("consentPage").asBoolean()).isTrue();
		assertThat(r.path("callback").asString()).isEqualTo(redirect);
		assertThat(r.path("idToken").path("sub").asString()).isEqualTo(citizen.id().toString());
		assertThat(r.path("idToken").path("acr").asString()).isEqualTo("L2");
		assertThat(r.path("userinfo").path("name").asString()).isEqualTo("赵子龙");
		assertThat(r.path("userinfo").path("id_card").asString()).as("full number with scope idcard").isEqualTo(citizen.idNumber());
		assertThat(r.path("refreshTokenIssued").asBoolean()).isTrue();

		assertThat(r.path("logout").path("status").asInt()).isEqualTo(302);
		assertThat(r.path("logout").path("location").asString()).startsWith("http://127.0.0.1:9876/bye");
		assertThat(r.path("afterLogout").asString()).as("session ended at the provider").endsWith("/login");

		assertThat(r.path("reuse").path("status").asInt()).isEqualTo(400);
		assertThat(r.path("reuse").path("error").asString()).isEqualTo("invalid_grant");
		assertThat(r.path("userinfoAfterReuse").asInt()).as("access token revoked after code reuse").isEqualTo(401);
		assertThat(r.path("refreshAfterReuse").asInt()).as("refresh token revoked after code reuse").isEqualTo(400);

		assertThat(r.path("clientCredentials").path("status").asInt()).isEqualTo(200);
		assertThat(r.path("clientCredentials").path("body").path("subject").asString()).isEqualTo("cc-" + suffix);
		assertThat(r.path("apiWithoutToken").path("status").asInt()).isEqualTo(401);
		assertThat(r.path("apiWithoutToken").path("type").asString()).startsWith("application/problem+json");

		assertThat(r.path("badRedirect").path("status").asInt()).isEqualTo(400);
		assertThat(r.path("badRedirect").path("location").isNull()).as("no redirect to an unregistered URI").isTrue();
		assertThat(r.path("badRedirect").path("type").asString()).startsWith("text/html");
	}

	@Test
	void userinfoMasksTheIdNumberWithoutTheIdcardScope() {
		var claims = new tongban.identity.internal.OidcClaimsProbe(accounts).claims(newCitizen("钱多多", 1).id().toString(),
				java.util.Set.of("openid", "profile"));
		assertThat(claims.get("id_card").toString()).matches("330106\\*{8}\\w{4}");
		assertThat(claims.get("acr")).isEqualTo("L1");
	}
}
