package tongban.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.identity.internal.ClientRegistrations;

/**
 * A confidential relying party walking the platform's authorization code flow with PKCE the way a department system
 * does: through the real sign-in page (and TOTP for staff), the consent page, and the token endpoint; then refresh,
 * revocation and a repeated code exchange.
 */
public final class OidcFlow {

	/** What the token endpoint answered, and the code and verifier that got it (to try the code again). */
	public record Tokens(String access, String refresh, String id, String code, String verifier) {
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern STATE = Pattern.compile("name=\"state\"\\s+value=\"([^\"]+)\"");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;
	private final String clientId;
	private final String secret;
	private final String redirect;
	private final SecureRandom random = new SecureRandom();

	private OidcFlow(String base, String clientId, String secret, String redirect) {
		this.base = base;
		this.clientId = clientId;
		this.secret = secret;
		this.redirect = redirect;
	}

	/** A client already registered (the demo ones, in a separately started application) with one of its redirects. */
	public static OidcFlow of(String base, String clientId, String secret, String redirect) {
		return new OidcFlow(base, clientId, secret, redirect);
	}

	/** Registers a new confidential client (code and refresh grants) allowed these scopes besides openid. */
	public OidcFlow(String base, ClientRegistrations clients, String... scopes) {
		this(base, "flow-" + UUID.randomUUID().toString().substring(0, 8), "secret-" + UUID.randomUUID(), "http://127.0.0.1:9876/cb");
		clients.save(clientId, "测试业务系统 " + clientId, secret, List.of("authorization_code", "refresh_token"),
				Stream.concat(Stream.of("openid"), Stream.of(scopes)).distinct().toList(), List.of(redirect), List.of());
	}

	/** Signs in (with a TOTP code when a secret is given), consents to every scope asked for, and exchanges the code. */
	public Tokens signIn(String username, String password, String totpSecret, String... scopes) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String verifier = token(32);
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String scope = Stream.concat(Stream.of("openid"), Stream.of(scopes)).distinct().collect(Collectors.joining(" "));
		String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirect,
				"scope", scope, "state", token(8), "code_challenge", challenge, "code_challenge_method", "S256"));

		HttpResponse<String> r = get(browser, authorize);
		r = get(browser, location(r));
		r = post(browser, "/login", Map.of("username", username, "password", password, "_csrf", find(CSRF, r.body())));
		String next = location(r);
		if (next.endsWith("/login/totp")) {
			r = get(browser, next);
			r = post(browser, "/login/totp", Map.of("code", Authenticator.code(totpSecret, Instant.now()), "_csrf", find(CSRF, r.body())));
			next = location(r);
		}
		for (int hops = 0; !next.startsWith(redirect) && hops < 5; hops++) {
			r = get(browser, next);
			if (r.statusCode() == 200) {
				List<Map.Entry<String, String>> consent = new ArrayList<>(List.of(Map.entry("client_id", clientId),
						Map.entry("state", find(STATE, r.body())), Map.entry("_csrf", find(CSRF, r.body()))));
				Stream.of(scopes).forEach(s -> consent.add(Map.entry("scope", s)));
				r = send(browser, HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(pairs(consent))));
			}
			next = location(r);
		}
		String code = URI.create(next).getQuery().replaceAll(".*code=([^&]+).*", "$1");
		HttpResponse<String> exchanged = exchange(code, verifier);
		if (exchanged.statusCode() != 200) {
			throw new AssertionError("token endpoint: " + exchanged.statusCode() + " " + exchanged.body());
		}
		JsonNode body = JSON.readTree(exchanged.body());
		return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(null),
				body.path("id_token").asString(null), code, verifier);
	}

	public HttpResponse<String> exchange(String code, String verifier) throws Exception {
		return tokenEndpoint("/oauth2/token", Map.of("grant_type", "authorization_code", "code", URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", redirect,
				"code_verifier", verifier));
	}

	public HttpResponse<String> refresh(String refreshToken) throws Exception {
		return tokenEndpoint("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	public HttpResponse<String> revoke(String token) throws Exception {
		return tokenEndpoint("/oauth2/revoke", Map.of("token", token));
	}

	/** The access and refresh tokens of a token endpoint answer. */
	public static Tokens tokens(HttpResponse<String> answer) {
		JsonNode body = JSON.readTree(answer.body());
		return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(null), body.path("id_token").asString(null),
				null, null);
	}

	private HttpResponse<String> tokenEndpoint(String path, Map<String, String> params) throws Exception {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(params))));
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return send(browser, HttpRequest.newBuilder(URI.create(base).resolve(path)).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> post(HttpClient browser, String path, Map<String, String> params) throws Exception {
		return send(browser, HttpRequest.newBuilder(URI.create(base).resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(params))));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String location(HttpResponse<String> r) {
		String location = r.headers().firstValue("Location")
			.orElseThrow(() -> new AssertionError("no redirect from " + r.uri() + ": " + r.statusCode()));
		return URI.create(base).resolve(location).toString();
	}

	private static String find(Pattern pattern, String html) {
		Matcher m = pattern.matcher(html);
		if (!m.find()) {
			throw new AssertionError("not on the page: " + pattern);
		}
		return m.group(1);
	}

	private String token(int bytes) {
		byte[] b = new byte[bytes];
		random.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	private static String form(Map<String, String> params) {
		return pairs(new ArrayList<>(new LinkedHashMap<>(params).entrySet()));
	}

	private static String pairs(List<Map.Entry<String, String>> params) {
		return params.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
