package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.support.JourneyTest;

/** Friendly pages for people, problem+json for programs, never a stack trace; health and metrics. */
class ErrorHandlingIT extends JourneyTest {

	private RestClient http() {
		return RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
	}

	@Test
	void unknownPageIsAFriendly404() {
		login().open().signIn(newCitizen("周小白", 1).idNumber(), PASSWORD);
		var r = page.navigate(base() + "/no/such/page");
		assertThat(r.status()).isEqualTo(404);
		assertThat(page.title()).contains("页面不存在");
		assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
		accessible();
	}

	/** An anonymous visitor to a path nothing answers sees the same 404 page, not a sign-in page. */
	@Test
	void unknownPageIsA404ForAnonymousVisitorsToo() {
		var r = page.navigate(base() + "/no/such/page");
		assertThat(r.status()).isEqualTo(404);
		assertThat(page.title()).contains("页面不存在");
		assertThat(page.locator("h1").innerText()).isEqualTo("页面不存在");
		assertThat(page.locator("main a[href='/']").count()).as("a way back to the home page").isEqualTo(1);
		accessible();
	}

	/** Deny by default: an anonymous visitor to any page not declared public is sent to sign in. */
	@Test
	void protectedPageSendsAnonymousPeopleToSignIn() {
		page.navigate(base() + "/account");
		assertThat(page.url()).endsWith("/login");
	}

	@Test
	void apiErrorsAreProblemDocuments() {
		// deny by default: without a token, even a path nothing answers is 401, so paths are not probed for existence
		var anonymous = http().get().uri("/api/nothing-here").retrieve().toEntity(String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getBody()).doesNotContain("Exception");
		// with a valid token, a path nothing answers is a 404 problem document
		String token = accessToken(newCitizen("接口探路人", 1).id(), "cases.read");
		var notFound = http().get().uri("/api/nothing-here").header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
		assertThat(notFound.getStatusCode().value()).isEqualTo(404);
		assertThat(notFound.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(notFound.getBody()).contains("\"code\":\"not-found\"").doesNotContain("Exception");
		var region = http().get().uri("/api/regions/abc").retrieve().toEntity(String.class);
		assertThat(region.getStatusCode().value()).isEqualTo(404);
		assertThat(region.getBody()).contains("\"code\":\"not-found\"");
		var method = http().post().uri("/api/regions/330106").retrieve().toEntity(String.class);
		assertThat(method.getStatusCode().is4xxClientError()).isTrue();
		assertThat(method.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(method.getBody()).contains("\"code\"");
	}

	@Test
	void healthInfoMetricsAndOpenApiAnswer() {
		assertThat(http().get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
		assertThat(http().get().uri("/actuator/info").retrieve().toEntity(String.class).getBody()).contains("Tongban");
		assertThat(http().get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("jvm_memory_used_bytes");
		String api = http().get().uri("/v3/api-docs").retrieve().body(String.class);
		assertThat(api).contains("/api/regions/{code}").contains("/api/regions/{code}/children").contains("/api/me");
	}

	@Test
	void englishSwitchAndNarrowScreens() {
		page.navigate(base() + "/register?lang=en");
		assertThat(page.locator("h1").innerText()).isEqualTo("Register an account");
		page.navigate(base() + "/login");
		assertThat(page.locator("h1").innerText()).as("the language choice persists").isEqualTo("Sign in");
		accessible();
		page.navigate(base() + "/login?lang=zh_CN");
		assertThat(page.locator("h1").innerText()).isEqualTo("登录");

		var phone = tongban.support.Browser.newContext(360, 740);
		try {
			var p = phone.newPage();
			for (String path : new String[] { "/", "/register", "/login", "/departments" }) {
				p.navigate(base() + path);
				Object overflow = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("no horizontal scrolling at 360 px on " + path).isEqualTo(false);
			}
		}
		finally {
			phone.close();
		}
	}

	@Test
	void theAccessibilityCheckReallyFails() {
		page.setContent("<html><body><img src='x.png'><input type='text'></body></html>");
		org.assertj.core.api.Assertions.assertThatThrownBy(this::accessible).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt");
	}
}
