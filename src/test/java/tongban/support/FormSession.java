package tongban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser without a browser: its own cookies, posting the pages' forms with their CSRF token, redirects not
 * followed (a test sees the 302 and where it goes). Safe to share between threads for concurrent posts.
 */
public final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private volatile String csrf;

	public FormSession(String base) {
		this.base = base;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
		var m = CSRF.matcher(r.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		return r;
	}

	/** Posts the fields (name, value, name, value …) with the CSRF token of the last page read (reads the path first if none). */
	public HttpResponse<String> post(String path, String... fields) {
		if (csrf == null) {
			get(path);
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf == null ? "" : csrf);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Signs in with the password form; answers where the sign-in sent the person. */
	public String signIn(String username, String password) {
		get("/login");
		return post("/login", "username", username, "password", password).headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
