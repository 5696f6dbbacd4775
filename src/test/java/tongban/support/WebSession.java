package tongban.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tongban.identity.domain.Account;
import tongban.identity.internal.Totp;

/**
 * A browser without a browser: one person's cookies (session and CSRF) over plain HTTP, for tests about what a page
 * answers rather than how it looks. Redirects are not followed, so a test sees them.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final String base;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs a member of staff in: password, then the TOTP code of this moment. */
	public static WebSession staff(int port, Account staff) {
		WebSession s = new WebSession(port);
		s.post("/login", "/login", Map.of("username", staff.username(), "password", IntegrationTest.PASSWORD));
		s.post("/login/totp", "/login/totp", Map.of("code", Totp.code(staff.totpSecret(), Instant.now())));
		return s;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** Posts a form as its page would: the CSRF token taken from {@code page}. */
	public HttpResponse<String> post(String page, String action, Map<String, String> fields) {
		Matcher m = CSRF.matcher(get(page).body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (m.find()) {
			all.put("_csrf", m.group(1));
		}
		StringBuilder body = new StringBuilder();
		all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(URI.create(base + action)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
	}

	/** One file of a multipart body: the part's name, the file's name and its content. */
	public record FilePart(String part, String fileName, byte[] content) {
	}

	/** A multipart/form-data body: {@code fields} (a name may repeat), then {@code files}. */
	public static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields, List<FilePart> files) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> f : fields) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		for (FilePart file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.part() + "\"; filename=\"" + file.fileName()
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** Posts a multipart form as its page would (CSRF token from {@code page}). */
	public HttpResponse<String> postMultipart(String page, String action, List<Map.Entry<String, String>> fields, List<FilePart> files) {
		Matcher m = CSRF.matcher(get(page).body());
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (m.find()) {
			all.add(Map.entry("_csrf", m.group(1)));
		}
		String boundary = "----tongban" + System.nanoTime();
		return send(HttpRequest.newBuilder(URI.create(base + action)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, all, files))).build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
