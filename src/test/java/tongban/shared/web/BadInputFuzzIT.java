package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever anyone sends, the answer is never a 5xx: every operation of /v3/api-docs (as a citizen, an approver, a
 * department system and anonymously), every Open311 resource and every form on the public pages (found by following the
 * portal's links, as a visitor would, and the few reached only after an earlier step) gets, field by field, values from a fixed list: NUL and other control characters,
 * very long text, wrong types, unknown enum values, malformed JSON and a file name with a NUL. The choice of values per
 * field comes from a fixed seed, so a failure is repeatable; the number of requests is bounded (about a thousand,
 * seconds on a laptop). Answers 400, 401, 403, 404, 405, 409, 415, 422, 429 are all fine: the test proves no 5xx.
 */
class BadInputFuzzIT extends IntegrationTest {

	static final long SEED = 16;
	/** Values for any field; each field gets {@link #PER_FIELD} of them (NUL always among them). */
	static final List<String> VALUES = List.of("a\u0000b", "\u0000", "\u0001\u0007\u001b[31m\u007f\u0085", "x".repeat(5_000),
			"长".repeat(3_000), "-1", "0", "99999999999999999999999", "1e400", "NaN", "true", "[]", "{}", "NOPE", "", " ",
			"😀𠀀", "../../etc/passwd", "' or '1'='1", "<script>alert(1)</script>", "2026-13-45", "\uFEFF", "%00",
			"{x}", "/{x}", "//evil.example", "null");
	static final int PER_FIELD = 3;
	static final Set<Integer> SERVER_ERRORS = Set.of(500, 501, 502, 503, 504);

	final JsonMapper json = JsonMapper.builder().build();
	final Random random = new Random(SEED);
	final List<String> failures = new ArrayList<>();
	int sent;

	@BeforeEach
	void reset() {
		failures.clear();
		sent = 0;
	}

	/** The fuzz values for one field: NUL always, then others drawn with the fixed seed. */
	private List<String> valuesForField() {
		List<String> picked = new ArrayList<>(List.of(VALUES.get(0)));
		while (picked.size() < PER_FIELD) {
			String v = VALUES.get(1 + random.nextInt(VALUES.size() - 1));
			if (!picked.contains(v)) {
				picked.add(v);
			}
		}
		return picked;
	}

	private void send(HttpClient http, HttpRequest request, String what) {
		sent++;
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (SERVER_ERRORS.contains(response.statusCode())) {
				failures.add(response.statusCode() + " " + what);
			}
		}
		catch (IOException e) {
			failures.add("no answer (" + e + ") " + what);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String form(Map<String, String> fields) {
		StringBuilder b = new StringBuilder();
		fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
		return b.toString();
	}

	/** A multipart body; {@code files} are part names and file names, each with a small PNG. */
	private static byte[] multipart(String boundary, Map<String, String> fields, Map<String, String> files) {
		return FormSession.multipart(boundary, List.copyOf(fields.entrySet()),
				files.entrySet().stream().map(f -> new FormSession.FilePart(f.getKey(), f.getValue(), PNG)).toList());
	}

	static final byte[] PNG = HexFormat.of().parseHex(
			"89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000000030101"
					+ "00c9fe92ef0000000049454e44ae426082");

	// ---- the API, from its own OpenAPI document

	@Test
	void noOperationOfTheApiAnswersAServerError() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		JsonNode doc = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).build(),
				HttpResponse.BodyHandlers.ofString()).body());
		Citizen citizen = newCitizen("模糊测试", 2);
		var approver = newStaff("XH-RLSB", Role.APPROVER, "模糊测试审批");
		String[] scopes = { "openid", "profile", "cases.read", "cases.write", "tasks", "ratings", "exchange", "audit", "idcard" };
		String citizenToken = accessToken(citizen.id(), scopes), approverToken = accessToken(approver.id(), scopes),
				systemToken = accessToken("yb-system-demo", scopes);
		int operations = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").properties().iterator(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext();) {
				Map.Entry<String, JsonNode> op = ops.next();
				operations++;
				String bearer = path.getKey().startsWith("/api/tasks") ? approverToken
						: path.getKey().startsWith("/api/exchange") || path.getKey().startsWith("/api/admin") ? systemToken : citizenToken;
				fuzzOperation(http, doc, path.getKey(), op.getKey().toUpperCase(Locale.ROOT), op.getValue(), bearer);
			}
		}
		assertThat(operations).as("operations in /v3/api-docs").isGreaterThan(10);
		assertThat(failures).as("server errors among %d requests", sent).isEmpty();
	}

	record Param(String name, String in, JsonNode schema) {
	}

	private void fuzzOperation(HttpClient http, JsonNode doc, String path, String method, JsonNode op, String bearer) {
		List<Param> params = new ArrayList<>();
		for (JsonNode p : op.path("parameters")) {
			params.add(new Param(p.get("name").asString(), p.get("in").asString(), resolve(doc, p.path("schema"))));
		}
		JsonNode content = op.path("requestBody").path("content");
		JsonNode jsonSchema = content.has("application/json") ? resolve(doc, content.get("application/json").path("schema")) : null;
		JsonNode multipartSchema = content.has("multipart/form-data") ? resolve(doc, content.get("multipart/form-data").path("schema"))
				: null;
		List<String> properties = new ArrayList<>();
		if (jsonSchema != null && jsonSchema.has("properties")) {
			jsonSchema.get("properties").propertyNames().forEach(properties::add);
		}
		// each parameter in turn, the others plausible
		for (Param target : params) {
			for (String value : valuesForField()) {
				request(http, doc, path, method, params, target.name(), value, jsonSchema, null, null, multipartSchema, bearer);
			}
		}
		// each body property in turn, as a string and as the wrong JSON type
		for (String property : properties) {
			for (String value : valuesForField()) {
				request(http, doc, path, method, params, null, null, jsonSchema, property, JsonNodeFactory.instance.stringNode(value),
						multipartSchema, bearer);
			}
			for (JsonNode wrong : List.of(JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.arrayNode(),
					JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode())) {
				request(http, doc, path, method, params, null, null, jsonSchema, property, wrong, multipartSchema, bearer);
			}
		}
		if (jsonSchema != null) {
			for (String raw : List.of("", "{", "[]", "\"a\\u0000b\"", "{\"a\\u0000\":1}", "null", "{\"x\":" + "[".repeat(2_000))) {
				sendRaw(http, path, method, params, raw, bearer);
			}
		}
		// the plausible request, anonymously and with a garbage token
		request(http, doc, path, method, params, null, null, jsonSchema, null, null, multipartSchema, null);
		request(http, doc, path, method, params, null, null, jsonSchema, null, null, multipartSchema, "x".repeat(300));
	}

	private JsonNode resolve(JsonNode doc, JsonNode schema) {
		if (schema != null && schema.has("$ref")) {
			String[] parts = schema.get("$ref").asString().substring(2).split("/");
			JsonNode n = doc;
			for (String p : parts) {
				n = n.path(p);
			}
			return n;
		}
		return schema;
	}

	/** A plausible value for a schema: its first enum value, a number, a date, a UUID or a word. */
	private static String plausible(JsonNode schema) {
		if (schema == null) {
			return "1";
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0).asString();
		}
		String type = schema.path("type").asString(""), format = schema.path("format").asString("");
		return switch (type) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			default -> switch (format) {
				case "uuid" -> UUID.randomUUID().toString();
				case "date" -> "2026-12-06";
				case "date-time" -> "2026-12-06T10:00:00+08:00";
				default -> "330106";
			};
		};
	}

	private void request(HttpClient http, JsonNode doc, String path, String method, List<Param> params, String target,
			String targetValue, JsonNode jsonSchema, String property, JsonNode propertyValue, JsonNode multipartSchema,
			String bearer) {
		String p = path;
		StringBuilder query = new StringBuilder();
		Map<String, String> headers = new LinkedHashMap<>();
		for (Param param : params) {
			String v = param.name().equals(target) ? targetValue : plausible(param.schema());
			switch (param.in()) {
				case "path" -> p = p.replace("{" + param.name() + "}", enc(v).replace("+", "%20"));
				case "query" -> query.append(query.isEmpty() ? "?" : "&").append(enc(param.name())).append('=').append(enc(v));
				// header values travel percent-encoded (raw control characters cannot be sent in a header)
				case "header" -> headers.put(param.name(), v.chars().anyMatch(c -> c < 0x20 || c > 0x7e) ? enc(v) : v);
				default -> {
				}
			}
		}
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(p + query))).timeout(Duration.ofSeconds(30));
		headers.forEach(b::header);
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		if (multipartSchema != null) {
			String boundary = "fuzz" + random.nextInt(1_000_000);
			Map<String, String> files = new LinkedHashMap<>();
			Map<String, String> fields = new LinkedHashMap<>();
			multipartSchema.path("properties").properties().forEach(e -> {
				if ("binary".equals(e.getValue().path("format").asString(""))) {
					files.put(e.getKey(), target == null ? "scan\u0000.png" : "scan.png");
				}
				else {
					fields.put(e.getKey(), plausible(e.getValue()));
				}
			});
			b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, files)));
		}
		else if (jsonSchema != null) {
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			jsonSchema.path("properties").properties().forEach(e -> body.put(e.getKey(), plausible(resolve(doc, e.getValue()))));
			if (property != null) {
				body.set(property, propertyValue);
			}
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		send(http, b.build(), method + " " + p + query.toString().replaceAll("(.{200}).*", "$1…")
				+ (property == null ? "" : " body." + property + "=" + abbreviated(propertyValue.toString())));
	}

	private void sendRaw(HttpClient http, String path, String method, List<Param> params, String raw, String bearer) {
		String p = path;
		for (Param param : params) {
			if (param.in().equals("path")) {
				p = p.replace("{" + param.name() + "}", plausible(param.schema()));
			}
		}
		send(http, HttpRequest.newBuilder(URI.create(url(p))).header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(raw)).build(),
				method + " " + p + " raw body " + abbreviated(raw));
	}

	private static String abbreviated(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	// ---- Open311 GeoReport v2

	@Test
	void noOpen311ResourceAnswersAServerError() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Map<String, String> post = new LinkedHashMap<>();
		post.put("api_key", "Tongban@2026");
		post.put("service_code", "CS0102");
		post.put("lat", "30.27");
		post.put("long", "120.13");
		post.put("address_string", "文三路学院路口");
		post.put("description", "路灯不亮已经三天了");
		post.put("phone", "13900001111");
		post.put("first_name", "明");
		post.put("last_name", "王");
		post.put("attribute[type]", "COMPLAINT");
		post.put("attribute[region]", "330106");
		post.put("attribute[phone_code]", "123456");
		post.put("attribute[publish]", "no");
		Map<String, String> query = new LinkedHashMap<>();
		query.put("service_request_id", "GD20261206000001");
		query.put("service_code", "CS0102");
		query.put("start_date", "2026-11-01T00:00:00+08:00");
		query.put("end_date", "2026-12-01T00:00:00+08:00");
		query.put("status", "open");
		for (String format : List.of("json", "xml")) {
			for (String resource : List.of("discovery", "services", "services/CS0102", "requests/GD20261206000001", "tokens/abc")) {
				send(http, HttpRequest.newBuilder(URI.create(url("/open311/v2/" + resource + "." + format))).build(), "GET " + resource);
				for (String value : valuesForField()) {
					String last = resource.contains("/") ? resource.substring(0, resource.indexOf('/') + 1) + enc(value) : resource;
					send(http, HttpRequest.newBuilder(URI.create(url("/open311/v2/" + last.replace("+", "%20") + "." + format))).build(),
							"GET " + last);
				}
			}
			fuzzFields(http, "POST", "/open311/v2/requests." + format, post, Map.of());
			fuzzFields(http, "POST", "/open311/v2/phone_codes." + format, Map.of("api_key", "Tongban@2026", "phone", "13900001111"),
					Map.of());
			fuzzFields(http, "GET", "/open311/v2/requests." + format, query, Map.of());
		}
		assertThat(failures).as("server errors among %d requests", sent).isEmpty();
	}

	/** Each field in turn gets each of its fuzz values, the others keep theirs. */
	private void fuzzFields(HttpClient http, String method, String action, Map<String, String> fields, Map<String, String> headers) {
		for (String field : fields.keySet()) {
			for (String value : valuesForField()) {
				Map<String, String> sentFields = new LinkedHashMap<>(fields);
				sentFields.put(field, value);
				HttpRequest.Builder b;
				if (method.equals("GET")) {
					b = HttpRequest.newBuilder(URI.create(url(action + (action.contains("?") ? "&" : "?") + form(sentFields))));
				}
				else {
					b = HttpRequest.newBuilder(URI.create(url(action))).header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(sentFields)));
				}
				headers.forEach(b::header);
				send(http, b.timeout(Duration.ofSeconds(30)).build(), method + " " + action + " " + field + "=" + abbreviated(value));
			}
		}
	}

	// ---- the public pages' forms

	static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
	static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
	static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

	private static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
		return m.find() ? m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'") : null;
	}

	record PageForm(String method, String action, boolean multipart, Map<String, String> fields, Set<String> files) {
	}

	@Test
	void noPublicFormAnswersAServerError() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
		// the portal's public pages, two links deep from these (a visitor's way in), at most 40 pages
		List<String> pages = new ArrayList<>(List.of("/", "/hotline", "/hotline/new", "/hotline/follow", "/hotline/replies", "/login",
				"/register", "/verify", "/ratings", "/browse", "/search?q=" + enc("社保"), "/bundles", "/departments"));
		Set<String> seen = new LinkedHashSet<>(pages);
		Map<String, PageForm> forms = new LinkedHashMap<>();
		for (int i = 0; i < pages.size() && i < 40; i++) {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(pages.get(i)))).build(),
					HttpResponse.BodyHandlers.ofString());
			if (page.statusCode() != 200 || page.uri().getPath().startsWith("/login") && !pages.get(i).startsWith("/login")) {
				continue;
			}
			Matcher f = FORM.matcher(page.body());
			while (f.find()) {
				PageForm form = form(f.group(1), f.group(2), page.uri().getPath());
				forms.putIfAbsent(form.method() + " " + form.action(), form);
			}
			if (i < 13) {
				Matcher l = LINK.matcher(page.body());
				while (l.find()) {
					String link = l.group(1).replace("&amp;", "&");
					if (!link.startsWith("/css") && !link.startsWith("/js") && !link.startsWith("/webjars") && !link.startsWith("/logout")
							&& !link.contains("lang=") && seen.add(link)) {
						pages.add(link);
					}
				}
			}
		}
		assertThat(forms.keySet()).as("public forms").contains("POST /hotline/new", "POST /preferences/elder", "GET /search");
		// public forms no link leads to without an earlier step (a ticket looked up, a visit's QR code, a code sent)
		String csrf = forms.get("POST /hotline/new").fields().get("_csrf");
		extra(forms, "/hotline/follow/rate", csrf, "number", "GD20261206000001", "phone", "13900001111", "satisfaction", "SATISFIED", "note", "");
		extra(forms, "/rate/" + UUID.randomUUID(), csrf, "level", "5", "score-SERVICE", "5", "tags", "", "comment", "");
		extra(forms, "/register/verify", csrf, "code", "123456");
		extra(forms, "/login/totp", csrf, "code", "123456");
		for (PageForm form : forms.values()) {
			fuzzForm(http, form);
		}
		assertThat(failures).as("server errors among %d requests to %d forms", sent, forms.size()).isEmpty();
	}

	private static void extra(Map<String, PageForm> forms, String action, String csrf, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("_csrf", csrf);
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		forms.put("POST " + action, new PageForm("POST", action, false, values, Set.of()));
	}

	private static PageForm form(String attributes, String body, String pagePath) {
		String method = attribute(attributes, "method") == null ? "GET" : attribute(attributes, "method").toUpperCase(Locale.ROOT);
		String action = attribute(attributes, "action");
		action = action == null || action.isEmpty() ? pagePath : action;
		boolean multipart = "multipart/form-data".equals(attribute(attributes, "enctype"));
		Map<String, String> fields = new LinkedHashMap<>();
		Set<String> files = new LinkedHashSet<>();
		Matcher m = FIELD.matcher(body);
		while (m.find()) {
			String name = attribute(m.group(2), "name");
			if (name == null) {
				continue;
			}
			String type = attribute(m.group(2), "type");
			if ("file".equals(type)) {
				files.add(name);
			}
			else if (m.group(1).equals("select")) {
				Matcher option = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"").matcher(body.substring(m.end()));
				fields.putIfAbsent(name, option.find() ? option.group(1) : "");
			}
			else if (!("checkbox".equals(type) || "radio".equals(type)) || m.group(2).contains("checked")) {
				fields.putIfAbsent(name, attribute(m.group(2), "value") == null ? "" : attribute(m.group(2), "value"));
			}
			else {
				fields.putIfAbsent(name, attribute(m.group(2), "value"));
			}
		}
		return new PageForm(method, action, multipart, fields, files);
	}

	private void fuzzForm(HttpClient http, PageForm form) {
		List<String> targets = new ArrayList<>(form.fields().keySet());
		targets.remove("_csrf");
		targets.addAll(form.files());
		for (String target : targets) {
			for (String value : valuesForField()) {
				Map<String, String> fields = new LinkedHashMap<>(form.fields());
				Map<String, String> files = new LinkedHashMap<>();
				form.files().forEach(name -> files.put(name, "photo.png"));
				if (files.containsKey(target)) {
					files.put(target, "photo" + value.substring(0, Math.min(value.length(), 200)) + ".png");
				}
				else {
					fields.put(target, value);
				}
				HttpRequest.Builder b;
				if (form.method().equals("GET")) {
					b = HttpRequest.newBuilder(URI.create(url(form.action() + (form.action().contains("?") ? "&" : "?") + form(fields))));
				}
				else if (form.multipart()) {
					String boundary = "fuzz" + random.nextInt(1_000_000);
					b = HttpRequest.newBuilder(URI.create(url(form.action())))
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, files)));
				}
				else {
					b = HttpRequest.newBuilder(URI.create(url(form.action()))).header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(fields)));
				}
				send(http, b.timeout(Duration.ofSeconds(30)).build(),
						form.method() + " " + form.action() + " " + target + "=" + abbreviated(value));
			}
		}
	}
}
