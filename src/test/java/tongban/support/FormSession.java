package tongban.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser without a browser: its own cookies (session and CSRF) over plain HTTP, for tests about what a page
 * answers rather than how it looks. Posts forms (url-encoded or multipart with files) with the CSRF token of the page
 * last read, or of a page named by the test. Redirects are not followed, so a test sees the 302 and where it goes.
 * Safe to share between threads for concurrent posts.
 */
public final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies;
	private final HttpClient http;
	private volatile String csrf;

	/** A fresh browser for the site at {@code base} (e.g. {@code http://localhost:8080}). */
	public FormSession(String base) {
		this(base, new CookieManager());
	}

	private FormSession(String base, CookieManager cookies) {
		this.base = base;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	/** The same browser, with its cookies, at another address: another node of a cluster ({@link SecondNode}). */
	public FormSession at(String otherBase) {
		return new FormSession(otherBase, cookies);
	}

	/** A member of staff signed in: password, then the TOTP code of this moment. */
	public static FormSession staff(String base, People.Staff staff) {
		FormSession session = new FormSession(base);
		session.signIn(staff.username(), staff.password());
		session.get("/login/totp");
		session.post("/login/totp", "code", staff.totpCode());
		return session;
	}

	/** Reads a page, remembering its CSRF token (if it has a form) for the next {@link #post(String, String...)}. */
	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
		String token = csrfOf(response.body());
		if (token != null) {
			csrf = token;
		}
		return response;
	}

	/** Posts the fields (name, value, name, value …) with the CSRF token of the last page read (reads the path first if none). */
	public HttpResponse<String> post(String action, String... fields) {
		if (csrf == null) {
			get(action);
		}
		return postUrlEncoded(action, csrf, pairs(fields));
	}

	/** Posts a form as its page would: the CSRF token taken from {@code page}, read now. */
	public HttpResponse<String> postFrom(String page, String action, String... fields) {
		return postUrlEncoded(action, csrfOf(get(page).body()), pairs(fields));
	}

	/** Signs in with the password form; answers where the sign-in sent the person. */
	public String signIn(String username, String password) {
		get("/login");
		return post("/login", "username", username, "password", password).headers().firstValue("Location").orElse("");
	}

	/** One file of a multipart body: the part's name, the file's name and its content. */
	public record FilePart(String part, String fileName, byte[] content) {
	}

	/** A multipart/form-data body: {@code fields} (a name may repeat), then {@code files}. */
	public static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields, List<FilePart> files) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
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

	/** Posts a multipart form as its page would: the CSRF token taken from {@code page}, read now. */
	public HttpResponse<String> postMultipart(String page, String action, List<Map.Entry<String, String>> fields, List<FilePart> files) {
		String token = csrfOf(get(page).body());
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (token != null) {
			all.add(Map.entry("_csrf", token));
		}
		String boundary = "----tongban" + System.nanoTime();
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, all, files)))
			.build());
	}

	/** Downloads a file (a material, a document) with this browser's cookies, as bytes. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> postUrlEncoded(String action, String token, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>();
		all.add(Map.entry("_csrf", token == null ? "" : token));
		all.addAll(fields);
		String body = all.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** The cookies this browser sends ({@code name=value; ...}) and its CSRF token, for a load generator posing as it. */
	public String cookieHeader() {
		return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
	}

	/** The CSRF token of the page last read. */
	public String csrfToken() {
		return csrf;
	}

	private static List<Map.Entry<String, String>> pairs(String... fields) {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			pairs.add(Map.entry(fields[i], fields[i + 1]));
		}
		return pairs;
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		return matcher.find() ? matcher.group(1) : null;
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
