package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.support.IntegrationTest;

/**
 * What anyone meets at the edge: behind a trusted TLS-terminating proxy the cookies are Secure and HSTS is sent; a
 * forged Host header never comes back in a Location; referrer and permissions policies on every page; robots.txt
 * and the favicon are public; an unknown path is a 404 page for anonymous visitors too, while known protected pages
 * still send them to sign in.
 */
class PublicEdgeIT extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html");
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<String> r) {
		return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TONGBAN_SESSION=")).findFirst().orElseThrow();
	}

	@Test
	void behindATrustedTlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> proxied = get("/account", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
		assertThat(proxied.statusCode()).isEqualTo(302);
		assertThat(sessionCookie(proxied)).containsIgnoringCase("; Secure");
		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).as("HSTS").isPresent();

		HttpResponse<String> plain = get("/account");
		assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void aForgedHostIsNeverEchoedInARedirect() throws Exception {
		// the sign-in entry point, and a controller's own redirect (/login/totp without a pending sign-in)
		for (String path : List.of("/account", "/cases/" + UUID.randomUUID(), "/workbench", "/login/totp")) {
			String answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(path).startsWith("HTTP/1.1 302");
			String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElseThrow();
			assertThat(location).as(path).doesNotContain("evil.example").endsWith("/login");
		}
	}

	@Test
	void pagesSayWhatTheyShareAndWhichFeaturesTheyUse() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(home.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()").contains("geolocation=(self)");
	}

	@Test
	void robotsAndFaviconArePublic() throws Exception {
		HttpResponse<String> robots = get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(robots.body()).contains("User-agent: *").contains("Disallow: /account/");
		HttpResponse<String> icon = get("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
	}

	@Test
	void unknownPathsAreA404PageForEveryoneAndKnownPagesAskToSignIn() throws Exception {
		for (String path : List.of("/no/such/page", "/robots.txt.bak", "/actuator/env", "/account-old")) {
			HttpResponse<String> r = get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(404);
			assertThat(r.body()).as(path).contains("页面不存在");
		}
		for (String path : List.of("/account", "/cases/" + UUID.randomUUID(), "/workbench/tasks", "/console/clients")) {
			HttpResponse<String> r = get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
		}
	}

	/** One request over a plain socket: HttpClient does not let a test set the Host header. */
	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
