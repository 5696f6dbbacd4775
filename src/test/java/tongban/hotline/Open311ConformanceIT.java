package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Conformance of {@code /open311/v2} to Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2, "GeoReport v2" below)
 * and its Service Discovery (http://wiki.open311.org/Service_Discovery). Every endpoint is read in both formats, JSON
 * and XML; every check names the part of the spec it comes from. What the spec leaves to us (12345's attributes, the
 * SMS-confirmed phone, privacy of unpublished requests) is checked as our documented extension.
 */
class Open311ConformanceIT extends IntegrationTest {

	static final String V2 = "/open311/v2";
	static final String REGION = "330106";
	/** GeoReport v2, Date/time format: the W3C note's subset of ISO 8601 with the timezone (Z or ±HH:MM) included. */
	static final Pattern W3C = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
	/** GeoReport v2, GET Service Requests, Response: the fields of a request. */
	static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes", "service_name", "service_code",
			"description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
			"address", "address_id", "zipcode", "lat", "long", "media_url");
	static final DateTimeFormatter QUERY_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	@Autowired
	Tickets reading;

	@Autowired
	TicketDispatch dispatcher;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	Open311Clients clients;

	@Autowired
	HotlineCatalogue catalogue;

	@Value("${tongban.hotline.open311.contact}")
	String contact;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper mapper = JsonMapper.builder().build();

	/** A client that confirms phones itself, and one that must pass an SMS code. */
	String trustedKey, smsKey, smsClient;
	String serviceA, serviceB;
	/** Every phone and name submitted: none may appear in any GET answer. */
	final Set<String> secrets = new LinkedHashSet<>();

	@BeforeAll
	void clients() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		trustedKey = clients.register("o311-trusted-" + suffix, true);
		smsClient = "o311-sms-" + suffix;
		smsKey = clients.register(smsClient, false);
		List<HotlineCatalogue.Category> categories = catalogue.categories();
		serviceA = categories.get(0).code();
		serviceB = categories.get(1).code();
	}

	// ---- HTTP

	record Res(int status, String contentType, byte[] bytes) {

		String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	Res get(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		Res res = new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		// privacy (our extension of GeoReport v2's public GET methods): the submitter's phone and name never appear
		for (String s : secrets) {
			assertThat(res.body()).as("GET %s must not show %s", path, s).doesNotContain(s);
		}
		return res;
	}

	Res post(String path, Map<String, String> form) throws Exception {
		// GeoReport v2, Format Support: "POST Service Request: Content-Type: application/x-www-form-urlencoded; charset=utf-8"
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String q(OffsetDateTime t) {
		return enc(t.truncatedTo(ChronoUnit.SECONDS).format(QUERY_DATE));
	}

	// ---- formats

	/** GeoReport v2, Encoding and Format Support: "Content-Type: application/json; charset=utf-8". */
	JsonNode json(Res r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		String ct = r.contentType().toLowerCase(Locale.ROOT).replace(" ", "");
		assertThat(ct).startsWith("application/json").contains("charset=utf-8");
		return mapper.readTree(r.body());
	}

	/**
	 * GeoReport v2, Encoding and XML Support: "Content-Type: text/xml; charset=utf-8", "the root element must be preceded
	 * with the XML declaration including the encoding="UTF-8" attribute"; schemaless, without namespace.
	 */
	Element xml(Res r, int status, String root) throws Exception {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		String ct = r.contentType().toLowerCase(Locale.ROOT).replace(" ", "");
		assertThat(ct).startsWith("text/xml").contains("charset=utf-8");
		assertThat(r.body()).matches(Pattern.compile("^<\\?xml version=\"1\\.0\" encoding=\"(?i:utf-8)\"\\?>.*", Pattern.DOTALL));
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
		Element e = d.getDocumentElement();
		assertThat(e.getTagName()).isEqualTo(root);
		assertThat(e.getNamespaceURI()).isNull();
		return e;
	}

	static List<Element> children(Element parent, String name) {
		List<Element> l = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
				l.add(e);
			}
		}
		return l;
	}

	static Element child(Element parent, String name) {
		List<Element> l = children(parent, name);
		assertThat(l).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
		return l.get(0);
	}

	static String text(Element parent, String name) {
		return child(parent, name).getTextContent().strip();
	}

	static Set<String> childNames(Element e) {
		return children(e, null).stream().map(Element::getTagName).collect(Collectors.toSet());
	}

	static String str(JsonNode n, String field) {
		assertThat(n.has(field)).as("%s in %s", field, n).isTrue();
		return n.get(field).isNull() ? null : n.get(field).asString();
	}

	/** GeoReport v2, Date/time format. */
	static OffsetDateTime w3c(String s) {
		assertThat(s).matches(W3C);
		return OffsetDateTime.parse(s);
	}

	/**
	 * GeoReport v2, Errors: an array of errors, each with {@code code} and a human readable {@code description}; "404 for
	 * resources that don't exist, 403 for errors because of wrong or missing api_key and basically 400 for any other
	 * error"; in JSON an array, in XML {@code errors/error/code|description}.
	 */
	void errorJson(Res r, int status) {
		JsonNode n = json(r, status);
		assertThat(n.isArray()).as(r.body()).isTrue();
		assertThat(n.size()).isPositive();
		for (JsonNode e : n) {
			assertThat(e.get("code").isIntegralNumber()).isTrue();
			assertThat(e.get("description").isString()).isTrue();
			assertThat(e.get("description").asString()).isNotBlank();
		}
		// "In most cases, this should match the HTTP status code": ours always does
		assertThat(n.get(0).get("code").intValue()).isEqualTo(status);
	}

	void errorXml(Res r, int status) throws Exception {
		Element root = xml(r, status, "errors");
		List<Element> errors = children(root, "error");
		assertThat(errors).isNotEmpty();
		assertThat(children(root, null)).hasSameSizeAs(errors);
		for (Element e : errors) {
			assertThat(text(e, "code")).matches("\\d+");
			assertThat(text(e, "description")).isNotBlank();
		}
		assertThat(text(errors.get(0), "code")).isEqualTo(Integer.toString(status));
	}

	void errorGet(String pathWithoutFormat, String query, int status) throws Exception {
		errorJson(get(pathWithoutFormat + ".json" + query), status);
		errorXml(get(pathWithoutFormat + ".xml" + query), status);
	}

	long tickets() {
		return jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single();
	}

	/** A POST the server must refuse in both formats, with the spec's error array, and save nothing. */
	void refused(Map<String, String> form, int status) throws Exception {
		long before = tickets();
		errorJson(post(V2 + "/requests.json", form), status);
		errorXml(post(V2 + "/requests.xml", form), status);
		assertThat(tickets()).as("a refused POST saves no ticket").isEqualTo(before);
	}

	// ---- data

	/** A complete request for a trusted client, located by lat and long; publication not asked. */
	Map<String, String> form(String key, String service, String description) {
		String phone = TestPeople.mobile();
		secrets.add(phone);
		Map<String, String> m = new LinkedHashMap<>();
		m.put("api_key", key);
		m.put("service_code", service);
		m.put("lat", "30.2741");
		m.put("long", "120.1551");
		m.put("description", description);
		m.put("phone", phone);
		m.put("attribute[region]", REGION);
		m.put("attribute[type]", "COMPLAINT");
		return m;
	}

	/** POSTs as JSON and returns the new request's id. */
	String submit(Map<String, String> form) throws Exception {
		JsonNode n = json(post(V2 + "/requests.json", form), 201);
		return n.get(0).get("service_request_id").asString();
	}

	String submit(String service) throws Exception {
		return submit(form(trustedKey, service, "路面坑洼 " + UUID.randomUUID()));
	}

	/** 派单, 答复, 办结 through the module: the request is then resolved. */
	void handle(String number, String reply) {
		TicketId id = reading.byNumber(number).orElseThrow().id();
		dispatcher.dispatch(id, "调度员", "XH-ZJ", List.of());
		handling.reply(id, "XH-ZJ", "住建干部", reply);
		closing.close(id, "调度员", "已办结");
	}

	String smsCode(String phone) throws Exception {
		// the SMS code endpoint is our extension; the code arrives in the SMS outbox
		JsonNode n = json(post(V2 + "/phone_codes.json", Map.of("api_key", smsKey, "phone", phone)), 200);
		assertThat(n.get(0).get("sent").booleanValue()).isTrue();
		return lastSmsCode(phone);
	}

	// ---- Service Discovery

	@Test
	void discovery() throws Exception {
		// Service Discovery, Base URL: "This url must end in /discovery.<format>"; "Format must be both: xml, json";
		// Fields for All Versions: "All fields are required."
		JsonNode d = json(get(V2 + "/discovery.json"), 200);
		assertThat(d.isObject()).isTrue();
		for (String f : List.of("changeset", "contact", "key_service")) {
			assertThat(str(d, f)).isNotBlank();
		}
		// issue 24 §4: the changeset is when the service list changed (as built), the contact is configuration, and a
		// platform with demo data calls its endpoint a test endpoint
		assertThat(OffsetDateTime.parse(str(d, "changeset")).toInstant()).isEqualTo(catalogue.changedAt().truncatedTo(ChronoUnit.SECONDS))
			.isAfter(Instant.EPOCH);
		assertThat(str(d, "contact")).isEqualTo(contact).isEqualTo("12345 政务服务便民热线");
		JsonNode endpoints = d.get("endpoints");
		assertThat(endpoints.isArray()).isTrue();
		JsonNode v2 = null;
		for (JsonNode e : endpoints) {
			for (String f : List.of("specification", "url", "changeset", "type")) {
				assertThat(str(e, f)).isNotBlank();
			}
			assertThat(str(e, "changeset")).isEqualTo(str(d, "changeset"));
			assertThat(str(e, "type")).as("demo data is loaded").isEqualTo("test");
			// endpoints.endpoint.type: Either "production" or "test"
			assertThat(str(e, "type")).isIn("production", "test");
			assertThat(e.get("formats").isArray()).isTrue();
			if ("http://wiki.open311.org/GeoReport_v2".equals(str(e, "specification"))) {
				v2 = e;
			}
		}
		assertThat(v2).as("a GeoReport v2 endpoint").isNotNull();
		List<String> formats = new ArrayList<>();
		v2.get("formats").forEach(f -> formats.add(f.asString()));
		// Format Support: XML is required; JSON is offered, so discovery must say so (MIME types)
		assertThat(formats).contains("text/xml", "application/json");
		// endpoints.endpoint.url: URL of the endpoint provider: the resources hang below it
		String base = str(v2, "url");
		assertThat(base).endsWith(V2);
		HttpResponse<String> services = http.send(HttpRequest.newBuilder(URI.create(base + "/services.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(services.statusCode()).isEqualTo(200);

		Element x = xml(get(V2 + "/discovery.xml"), 200, "discovery");
		assertThat(text(x, "changeset")).isEqualTo(str(d, "changeset"));
		assertThat(text(x, "contact")).isEqualTo(str(d, "contact"));
		assertThat(text(x, "key_service")).isEqualTo(str(d, "key_service"));
		List<Element> xe = children(child(x, "endpoints"), "endpoint");
		assertThat(xe).hasSize(endpoints.size());
		Element first = xe.get(0);
		assertThat(text(first, "specification")).isEqualTo(str(endpoints.get(0), "specification"));
		assertThat(text(first, "url")).isEqualTo(str(endpoints.get(0), "url"));
		assertThat(text(first, "type")).isIn("production", "test");
		assertThat(text(first, "changeset")).isNotBlank();
		assertThat(children(child(first, "formats"), "format").stream().map(e -> e.getTextContent().strip()).toList())
			.containsExactlyInAnyOrderElementsOf(formats);
	}

	@Test
	void unknownResourcesAndFormats() throws Exception {
		// Errors: "404 for resources that don't exist", as the error array in the format asked for
		errorGet(V2 + "/no_such_resource", "", 404);
		errorGet(V2 + "/requests/" + "x".repeat(3) + "/updates", "", 404);
		// Errors, General Errors: "400 - The URL request is invalid": a format the endpoint does not offer
		errorJson(get(V2 + "/services.yaml"), 400);
		errorJson(get(V2 + "/requests.html"), 400);
	}

	// ---- GET Service List

	@Test
	void services() throws Exception {
		// GET Service List, Response: services/service with service_code, service_name, description, metadata
		// (true|false), type (realtime|batch|blackbox), keywords (comma separated), group
		Map<String, HotlineCatalogue.Category> expected = new LinkedHashMap<>();
		catalogue.categories().forEach(c -> expected.put(c.code(), c));
		JsonNode list = json(get(V2 + "/services.json"), 200);
		assertThat(list.isArray()).isTrue();
		Set<String> codes = new HashSet<>();
		for (JsonNode s : list) {
			String code = str(s, "service_code");
			codes.add(code);
			assertThat(str(s, "service_name")).isEqualTo(expected.get(code).name());
			assertThat(s.has("description")).isTrue();
			assertThat(s.get("metadata").isBoolean()).isTrue();
			assertThat(str(s, "type")).isIn("realtime", "batch", "blackbox");
			assertThat(s.get("keywords").isNull() || s.get("keywords").isString()).as("keywords is a string").isTrue();
			assertThat(s.has("group")).isTrue();
		}
		assertThat(codes).isEqualTo(expected.keySet());

		Element x = xml(get(V2 + "/services.xml"), 200, "services");
		List<Element> services = children(x, "service");
		assertThat(children(x, null)).hasSameSizeAs(services);
		assertThat(services.stream().map(e -> text(e, "service_code")).collect(Collectors.toSet())).isEqualTo(expected.keySet());
		for (Element e : services) {
			// UTF-8 everywhere: the Chinese names survive the XML encoding
			assertThat(text(e, "service_name")).isEqualTo(expected.get(text(e, "service_code")).name());
			assertThat(text(e, "metadata")).isIn("true", "false");
			assertThat(text(e, "type")).isIn("realtime", "batch", "blackbox");
			assertThat(childNames(e)).contains("description", "keywords", "group");
			// keywords is a string, not a list of elements
			assertThat(children(child(e, "keywords"), null)).isEmpty();
		}
	}

	// ---- GET Service Definition

	@Test
	void serviceDefinition() throws Exception {
		// GET Service Definition, Response: service_definition with service_code and attributes/attribute (variable,
		// code, datatype, required, datatype_description, order, description, values/value with key and name)
		Set<String> datatypes = Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
		JsonNode d = json(get(V2 + "/services/" + serviceA + ".json"), 200);
		assertThat(str(d, "service_code")).isEqualTo(serviceA);
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		Set<Integer> orders = new HashSet<>();
		for (JsonNode a : d.get("attributes")) {
			attributes.put(str(a, "code"), a);
			assertThat(a.get("variable").isBoolean()).isTrue();
			assertThat(str(a, "datatype")).isIn(datatypes);
			assertThat(a.get("required").isBoolean()).isTrue();
			assertThat(a.has("datatype_description")).isTrue();
			// order: "Any positive integer not used for other attributes in the same service_code"
			assertThat(a.get("order").isIntegralNumber()).isTrue();
			assertThat(a.get("order").intValue()).isPositive();
			assertThat(orders.add(a.get("order").intValue())).isTrue();
			assertThat(str(a, "description")).isNotBlank();
			if (str(a, "datatype").endsWith("valuelist")) {
				assertThat(a.get("values").size()).isPositive();
				for (JsonNode v : a.get("values")) {
					assertThat(str(v, "key")).isNotBlank();
					assertThat(str(v, "name")).isNotBlank();
				}
			}
		}
		// our attributes: region required (district codes under 330100), type, phone_code, publish
		assertThat(attributes).containsKeys("region", "type", "phone_code", "publish");
		assertThat(attributes.get("region").get("required").booleanValue()).isTrue();
		List<String> regions = new ArrayList<>();
		attributes.get("region").get("values").forEach(v -> regions.add(v.get("key").asString()));
		assertThat(regions).contains(REGION).allMatch(r -> r.matches("3301\\d\\d"));
		List<String> types = new ArrayList<>();
		attributes.get("type").get("values").forEach(v -> types.add(v.get("key").asString()));
		assertThat(types).containsExactlyInAnyOrderElementsOf(NewTicket.TYPES);

		Element x = xml(get(V2 + "/services/" + serviceA + ".xml"), 200, "service_definition");
		assertThat(text(x, "service_code")).isEqualTo(serviceA);
		List<Element> xa = children(child(x, "attributes"), "attribute");
		assertThat(xa.stream().map(a -> text(a, "code")).toList()).containsExactlyElementsOf(attributes.keySet());
		for (Element a : xa) {
			assertThat(childNames(a)).contains("variable", "code", "datatype", "required", "datatype_description", "order", "description");
			assertThat(text(a, "datatype")).isIn(datatypes);
			assertThat(text(a, "required")).isIn("true", "false");
			if (text(a, "datatype").endsWith("valuelist")) {
				List<Element> values = children(child(a, "values"), "value");
				assertThat(values).hasSize(attributes.get(text(a, "code")).get("values").size());
				values.forEach(v -> assertThat(childNames(v)).isEqualTo(Set.of("key", "name")));
			}
		}

		// Possible Errors: "404 - service_code ... provided were not found"
		errorGet(V2 + "/services/NO-SUCH-SERVICE", "", 404);
	}

	// ---- POST Service Request

	@Test
	void postRequest() throws Exception {
		// POST Service Request, Response: service_requests/request with service_request_id (type realtime: no token,
		// "This should not be returned if service_request_id is returned"), service_notice, account_id
		long before = tickets();
		Map<String, String> f = form(trustedKey, serviceA, "井盖缺失，夜间危险 " + UUID.randomUUID());
		Res r = post(V2 + "/requests.json", f);
		JsonNode n = json(r, 201);
		assertThat(n.isArray()).isTrue();
		assertThat(n.size()).isEqualTo(1);
		JsonNode created = n.get(0);
		assertThat(Set.copyOf(created.propertyNames())).isEqualTo(Set.of("service_request_id", "service_notice", "account_id"));
		String id = str(created, "service_request_id");
		assertThat(id).isNotBlank();
		assertThat(tickets()).isEqualTo(before + 1);
		Ticket t = reading.byNumber(id).orElseThrow();
		assertThat(t.categoryCode()).isEqualTo(serviceA);
		assertThat(t.channel()).isEqualTo("OPEN311");
		assertThat(t.regionCode()).isEqualTo(REGION);
		assertThat(t.description()).isEqualTo(f.get("description"));
		assertThat(t.lat()).isEqualByComparingTo("30.2741");
		assertThat(t.lon()).isEqualByComparingTo("120.1551");

		Map<String, String> fx = form(trustedKey, serviceB, "路灯不亮已一周 " + UUID.randomUUID());
		Element x = xml(post(V2 + "/requests.xml", fx), 201, "service_requests");
		Element req = child(x, "request");
		assertThat(childNames(req)).isEqualTo(Set.of("service_request_id", "service_notice", "account_id"));
		String xid = text(req, "service_request_id");
		assertThat(xid).isNotBlank().isNotEqualTo(id);
		assertThat(reading.byNumber(xid).orElseThrow().categoryCode()).isEqualTo(serviceB);
		assertThat(tickets()).isEqualTo(before + 2);

		// Required Arguments, location parameter: "One of lat & long or address_string or address_id"
		Map<String, String> byAddress = form(trustedKey, serviceA, "人行道砖块松动 " + UUID.randomUUID());
		byAddress.remove("lat");
		byAddress.remove("long");
		byAddress.put("address_string", "文三路 100 号");
		assertThat(reading.byNumber(submit(byAddress)).orElseThrow().address()).isEqualTo("文三路 100 号");
		Map<String, String> byAddressId = form(trustedKey, serviceA, "路面塌陷一处 " + UUID.randomUUID());
		byAddressId.remove("lat");
		byAddressId.remove("long");
		byAddressId.put("address_id", "XH-0001234");
		assertThat(reading.byNumber(submit(byAddressId)).orElseThrow().address()).isEqualTo("XH-0001234");

		// the request is then readable: GET Service Request
		JsonNode one = json(get(V2 + "/requests/" + id + ".json"), 200).get(0);
		assertThat(str(one, "service_code")).isEqualTo(serviceA);
		assertThat(str(one, "status")).isEqualTo("open");
		OffsetDateTime requested = w3c(str(one, "requested_datetime"));
		assertThat(Duration.between(requested, OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(5));
	}

	@Test
	void postRefusals() throws Exception {
		Map<String, String> ok = form(trustedKey, serviceA, "垃圾堆放多日无人清运 " + UUID.randomUUID());

		// Errors, General Errors: "403 - Missing or Invalid API Key"
		Map<String, String> noKey = new LinkedHashMap<>(ok);
		noKey.remove("api_key");
		refused(noKey, 403);
		Map<String, String> badKey = new LinkedHashMap<>(ok);
		badKey.put("api_key", "not-a-key-" + UUID.randomUUID());
		refused(badKey, 403);
		Map<String, String> blankKey = new LinkedHashMap<>(ok);
		blankKey.put("api_key", "");
		refused(blankKey, 403);

		// POST Service Request, Possible Errors: "400 - service_code ... was not provided", "404 - service_code ... was
		// not found"
		Map<String, String> noService = new LinkedHashMap<>(ok);
		noService.remove("service_code");
		refused(noService, 400);
		Map<String, String> unknownService = new LinkedHashMap<>(ok);
		unknownService.put("service_code", "NO-SUCH-SERVICE");
		refused(unknownService, 404);

		// Required Arguments: "A full location parameter must be submitted"; lat & long "both need to be sent"
		Map<String, String> noLocation = new LinkedHashMap<>(ok);
		noLocation.remove("lat");
		noLocation.remove("long");
		refused(noLocation, 400);
		Map<String, String> latOnly = new LinkedHashMap<>(ok);
		latOnly.remove("long");
		refused(latOnly, 400);
		Map<String, String> badLat = new LinkedHashMap<>(ok);
		badLat.put("lat", "north");
		refused(badLat, 400);

		// Required Arguments, attribute: required when the service definition has required fields (region)
		Map<String, String> noRegion = new LinkedHashMap<>(ok);
		noRegion.remove("attribute[region]");
		refused(noRegion, 400);
		Map<String, String> badPublish = new LinkedHashMap<>(ok);
		badPublish.put("attribute[publish]", "maybe");
		refused(badPublish, 400);

		// our extension: a client that does not confirm phones needs an SMS code (attribute[phone_code])
		Map<String, String> anonymous = form(smsKey, serviceA, "夜间施工噪声扰民 " + UUID.randomUUID());
		refused(anonymous, 400);
		String phone = anonymous.get("phone");
		String code = smsCode(phone);
		Map<String, String> wrong = new LinkedHashMap<>(anonymous);
		wrong.put("attribute[phone_code]", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000));
		refused(wrong, 400);
		// the phone_codes extension needs a key too
		errorJson(post(V2 + "/phone_codes.json", Map.of("phone", TestPeople.mobile())), 403);
		errorXml(post(V2 + "/phone_codes.xml", Map.of("api_key", "nope", "phone", TestPeople.mobile())), 403);

		// with the right code the same request is accepted, once: sent again (its answer lost), it answers the same
		// ticket (our extension, docs/hotline.md "Retrying a POST")
		long before = tickets();
		Map<String, String> right = new LinkedHashMap<>(anonymous);
		right.put("attribute[phone_code]", code);
		String id = submit(right);
		assertThat(tickets()).isEqualTo(before + 1);
		assertThat(reading.byNumber(id).orElseThrow().apiClient()).isEqualTo(smsClient);
		assertThat(submit(right)).isEqualTo(id);
		assertThat(tickets()).isEqualTo(before + 1);

		// and in XML, with a code of its own
		Map<String, String> anonymousXml = form(smsKey, serviceB, "路灯整排不亮 " + UUID.randomUUID());
		anonymousXml.put("attribute[phone_code]", smsCode(anonymousXml.get("phone")));
		Element x = xml(post(V2 + "/requests.xml", anonymousXml), 201, "service_requests");
		assertThat(reading.byNumber(text(child(x, "request"), "service_request_id"))).isPresent();
		assertThat(tickets()).isEqualTo(before + 2);
	}

	// ---- GET service_request_id from a token

	@Test
	void tokens() throws Exception {
		// GET service_request_id from a token, Response: service_requests/request with service_request_id and token
		String id = submit(serviceA);
		String token = reading.byNumber(id).orElseThrow().token();
		JsonNode n = json(get(V2 + "/tokens/" + token + ".json"), 200);
		assertThat(n.size()).isEqualTo(1);
		assertThat(str(n.get(0), "service_request_id")).isEqualTo(id);
		assertThat(str(n.get(0), "token")).isEqualTo(token);
		Element req = child(xml(get(V2 + "/tokens/" + token + ".xml"), 200, "service_requests"), "request");
		assertThat(text(req, "service_request_id")).isEqualTo(id);
		assertThat(text(req, "token")).isEqualTo(token);
		// Possible Errors: "404 - ... token not found"
		errorGet(V2 + "/tokens/" + "0".repeat(32), "", 404);
	}

	// ---- GET Service Request

	@Test
	void oneRequest() throws Exception {
		String id = submit(serviceB);
		Ticket t = reading.byNumber(id).orElseThrow();
		JsonNode n = json(get(V2 + "/requests/" + id + ".json"), 200);
		assertThat(n.isArray()).isTrue();
		assertThat(n.size()).isEqualTo(1);
		JsonNode r = n.get(0);
		assertThat(Set.copyOf(r.propertyNames())).isEqualTo(REQUEST_FIELDS);
		assertThat(str(r, "service_request_id")).isEqualTo(id);
		assertThat(str(r, "service_code")).isEqualTo(serviceB);
		assertThat(str(r, "service_name")).isEqualTo(catalogue.category(serviceB).orElseThrow().name());
		assertThat(str(r, "status")).isEqualTo("open");
		assertThat(str(r, "status_notes")).isNotBlank();
		assertThat(w3c(str(r, "requested_datetime")).toInstant()).isEqualTo(t.createdAt().truncatedTo(ChronoUnit.SECONDS).toInstant());
		w3c(str(r, "updated_datetime"));
		if (str(r, "expected_datetime") != null) {
			w3c(str(r, "expected_datetime"));
		}

		Element x = child(xml(get(V2 + "/requests/" + id + ".xml"), 200, "service_requests"), "request");
		assertThat(childNames(x)).isEqualTo(REQUEST_FIELDS);
		for (String f : List.of("service_request_id", "status", "status_notes", "service_name", "service_code", "requested_datetime",
				"updated_datetime")) {
			assertThat(text(x, f)).as(f).isEqualTo(str(r, f));
		}
		w3c(text(x, "requested_datetime"));

		// Errors: "404 for resources that don't exist"
		errorGet(V2 + "/requests/GD00000000000000", "", 404);
	}

	// ---- GET Service Requests

	/** The ids a query finds, read in both formats, which must agree. */
	Set<String> ids(String query) throws Exception {
		JsonNode n = json(get(V2 + "/requests.json" + query), 200);
		assertThat(n.isArray()).isTrue();
		Set<String> fromJson = new LinkedHashSet<>();
		for (JsonNode r : n) {
			assertThat(Set.copyOf(r.propertyNames())).isEqualTo(REQUEST_FIELDS);
			w3c(str(r, "requested_datetime"));
			fromJson.add(str(r, "service_request_id"));
		}
		Element x = xml(get(V2 + "/requests.xml" + query), 200, "service_requests");
		List<Element> requests = children(x, "request");
		assertThat(children(x, null)).hasSameSizeAs(requests);
		Set<String> fromXml = requests.stream().map(e -> text(e, "service_request_id")).collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(fromXml).as("XML and JSON list the same requests for %s", query).isEqualTo(fromJson);
		// Response Volume: at most 1000 requests
		assertThat(fromJson.size()).isLessThanOrEqualTo(1000);
		return fromJson;
	}

	@Test
	void requestsFilters() throws Exception {
		String a = submit(serviceA), b = submit(serviceB), closed = submit(serviceA);
		handle(closed, "已安排养护单位修复路面");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));

		// service_request_id: "multiple service_request_id can be declared; comma delimited"; "This overrides all other
		// arguments"
		assertThat(ids("?service_request_id=" + a + "," + b)).containsExactlyInAnyOrder(a, b);
		assertThat(ids("?service_request_id=" + a + "," + closed + "&service_code=" + serviceB + "&status=closed&start_date="
				+ q(now.plusDays(1)))).containsExactlyInAnyOrder(a, closed);
		assertThat(ids("?service_request_id=" + a + "&start_date=not-a-date")).containsExactly(a);

		// service_code: defaults to all; "can be declared multiple times, comma delimited"
		assertThat(ids("")).contains(a, b, closed);
		assertThat(ids("?service_code=" + serviceA)).contains(a, closed).doesNotContain(b);
		assertThat(ids("?service_code=" + serviceB)).contains(b).doesNotContain(a, closed);
		assertThat(ids("?service_code=" + serviceA + "," + serviceB)).contains(a, b, closed);
		assertThat(ids("?service_code=" + serviceA + "&service_code=" + serviceB)).contains(a, b, closed);

		// status: open | closed; defaults to all; "can be declared multiple times, comma delimited"
		assertThat(ids("?status=open")).contains(a, b).doesNotContain(closed);
		assertThat(ids("?status=closed")).contains(closed).doesNotContain(a, b);
		assertThat(ids("?status=open,closed")).contains(a, b, closed);
		assertThat(ids("?status=open&status=closed")).contains(a, b, closed);
		assertThat(ids("?status=closed&service_code=" + serviceB)).doesNotContain(a, b, closed);
		errorGet(V2 + "/requests", "?status=pending", 400);

		// start_date / end_date: a range of requested_datetime, in W3C format
		assertThat(ids("?start_date=" + q(now.minusHours(1)) + "&end_date=" + q(now.plusHours(1)))).contains(a, b, closed);
		assertThat(ids("?start_date=" + q(now.plusHours(1)) + "&end_date=" + q(now.plusHours(2)))).doesNotContain(a, b, closed);
		assertThat(ids("?start_date=" + q(now.minusHours(2)) + "&end_date=" + q(now.minusHours(1)))).doesNotContain(a, b, closed);
		// UTC ("Z") and an offset denote the same instants
		String utc = now.minusHours(1).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(QUERY_DATE);
		assertThat(utc).endsWith("Z");
		assertThat(ids("?start_date=" + utc)).contains(a, b, closed);
		// a client that forgets to encode the "+" of the offset
		assertThat(ids("?start_date=" + now.minusHours(1).truncatedTo(ChronoUnit.SECONDS).format(QUERY_DATE))).contains(a);

		// bad dates: "Must use w3 format" with the timezone; "may not span more than 90 days"
		for (String bad : List.of("yesterday", "2026-11-05", "2026-11-05T08:15:30", "2026-13-01T00:00:00Z")) {
			errorGet(V2 + "/requests", "?start_date=" + enc(bad), 400);
			errorGet(V2 + "/requests", "?end_date=" + enc(bad), 400);
		}
		errorGet(V2 + "/requests", "?start_date=" + q(now) + "&end_date=" + q(now.minusDays(1)), 400);
		errorGet(V2 + "/requests", "?start_date=" + q(now.minusDays(100)) + "&end_date=" + q(now), 400);
	}

	@Test
	void requestsDefaultToNinetyDays() throws Exception {
		// start_date/end_date: "When not specified, the range defaults to most recent 90 days"; Response Volume: "Default
		// query limit is a span of 90 days or first 1000 requests returned"
		String old = submit(serviceA), fresh = submit(serviceA);
		jdbc.sql("update hotline_ticket set created_at = now() - interval '100 days' where number = ?").param(old).update();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));

		assertThat(ids("?service_code=" + serviceA)).contains(fresh).doesNotContain(old);
		assertThat(ids("?service_code=" + serviceA + "&start_date=" + q(now.minusDays(120)) + "&end_date=" + q(now.minusDays(60))))
			.contains(old)
			.doesNotContain(fresh);
		// a lone start_date: 90 days from it
		assertThat(ids("?service_code=" + serviceA + "&start_date=" + q(now.minusDays(120)))).contains(old).doesNotContain(fresh);
		// a lone end_date: the 90 days up to it
		assertThat(ids("?service_code=" + serviceA + "&end_date=" + q(now.plusHours(1)))).contains(fresh).doesNotContain(old);
		assertThat(ids("?service_code=" + serviceA + "&end_date=" + q(now.minusDays(95)))).contains(old).doesNotContain(fresh);
		// and by id, any age
		assertThat(ids("?service_request_id=" + old)).containsExactly(old);
		assertThat(json(get(V2 + "/requests/" + old + ".json"), 200).size()).isEqualTo(1);
	}

	// ---- status

	@Test
	void statusOpenThenClosed() throws Exception {
		// GET Service Request, Response: status open ("it has been reported") or closed ("it has been resolved");
		// status_notes; agency_responsible; updated_datetime "For requests with status=closed, this will be the date the
		// request was closed"
		String id = submit(serviceA);
		TicketId uuid = reading.byNumber(id).orElseThrow().id();
		JsonNode r = json(get(V2 + "/requests/" + id + ".json"), 200).get(0);
		assertThat(str(r, "status")).isEqualTo("open");
		String notesNew = str(r, "status_notes");
		assertThat(notesNew).isNotBlank();

		dispatcher.dispatch(uuid, "调度员", "XH-ZJ", List.of());
		r = json(get(V2 + "/requests/" + id + ".json"), 200).get(0);
		assertThat(str(r, "status")).isEqualTo("open");
		assertThat(str(r, "status_notes")).isNotBlank().isNotEqualTo(notesNew);
		assertThat(str(r, "agency_responsible")).isEqualTo(reading.departmentName("XH-ZJ")).isNotEqualTo("XH-ZJ");

		handling.reply(uuid, "XH-ZJ", "住建干部", "已派养护队修复，预计三日内完成");
		assertThat(str(json(get(V2 + "/requests/" + id + ".json"), 200).get(0), "status")).isEqualTo("open");
		closing.close(uuid, "调度员", "已办结");
		OffsetDateTime closedAt = reading.byNumber(id).orElseThrow().closedAt();
		assertThat(closedAt).isNotNull();
		// a later change (the revisit) does not move the closing date: made once the clock has passed the closing second
		await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
			.until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(closedAt.toInstant().truncatedTo(ChronoUnit.SECONDS)));
		closing.revisit(uuid, "回访员", Satisfaction.SATISFIED, "", true);

		r = json(get(V2 + "/requests/" + id + ".json"), 200).get(0);
		assertThat(str(r, "status")).isEqualTo("closed");
		assertThat(str(r, "status_notes")).isNotBlank();
		assertThat(w3c(str(r, "updated_datetime")).toInstant()).isEqualTo(closedAt.truncatedTo(ChronoUnit.SECONDS).toInstant());
		Element x = child(xml(get(V2 + "/requests/" + id + ".xml"), 200, "service_requests"), "request");
		assertThat(text(x, "status")).isEqualTo("closed");
		assertThat(text(x, "status_notes")).isEqualTo(str(r, "status_notes"));
		assertThat(text(x, "updated_datetime")).isEqualTo(str(r, "updated_datetime"));
	}

	// ---- privacy (our extension)

	@Test
	void privacy() throws Exception {
		String name = "司马青云";
		secrets.add(name);
		// consented: the matter is published, the person is not (even where the text names them)
		String marker = UUID.randomUUID().toString();
		Map<String, String> yes = form(trustedKey, serviceA, "");
		yes.put("description", "路面坑洼积水 " + marker + "，联系人" + name + "，电话 " + yes.get("phone"));
		yes.put("last_name", "司马");
		yes.put("first_name", "青云");
		yes.put("address_string", "西湖区文二路 " + marker.substring(0, 8) + " 号");
		yes.put("attribute[publish]", "yes");
		String published = submit(yes);
		// not consented: the default
		String secret = "未公开 " + UUID.randomUUID();
		Map<String, String> no = form(trustedKey, serviceA, "楼道堆物 " + secret);
		no.put("last_name", "司马");
		no.put("first_name", "青云");
		no.put("address_string", "西湖区保密路 " + secret);
		String hidden = submit(no);

		JsonNode p = json(get(V2 + "/requests/" + published + ".json"), 200).get(0);
		assertThat(str(p, "description")).contains("路面坑洼积水 " + marker).doesNotContain(name, yes.get("phone"));
		assertThat(str(p, "address")).contains(marker.substring(0, 8));
		assertThat(p.get("lat").decimalValue()).isEqualByComparingTo("30.2741");
		assertThat(p.get("long").decimalValue()).isEqualByComparingTo("120.1551");
		Element px = child(xml(get(V2 + "/requests/" + published + ".xml"), 200, "service_requests"), "request");
		assertThat(text(px, "description")).isEqualTo(str(p, "description"));
		assertThat(text(px, "lat")).isNotBlank();

		JsonNode h = json(get(V2 + "/requests/" + hidden + ".json"), 200).get(0);
		assertThat(h.get("description").isNull()).isTrue();
		assertThat(h.get("lat").isNull()).isTrue();
		assertThat(h.get("long").isNull()).isTrue();
		assertThat(str(h, "address")).doesNotContain(secret).contains("西湖");
		Res hx = get(V2 + "/requests/" + hidden + ".xml");
		assertThat(hx.body()).doesNotContain(secret);
		Element hxr = child(xml(hx, 200, "service_requests"), "request");
		assertThat(text(hxr, "description")).isEmpty();
		assertThat(text(hxr, "lat")).isEmpty();
		assertThat(get(V2 + "/requests.json?service_request_id=" + hidden).body()).doesNotContain(secret);

		// the answer is published with the request it answers, never with its phone
		handle(published, "已修复，已电话告知 " + yes.get("phone") + " 处理结果");
		handle(hidden, "已清理楼道堆物 " + secret);
		assertThat(str(json(get(V2 + "/requests/" + published + ".json"), 200).get(0), "status_notes")).contains("已修复")
			.doesNotContain(yes.get("phone"));
		assertThat(get(V2 + "/requests/" + hidden + ".json").body()).doesNotContain(secret);
		assertThat(get(V2 + "/requests/" + hidden + ".xml").body()).doesNotContain(secret);
		assertThat(ids("?service_request_id=" + published + "," + hidden)).containsExactlyInAnyOrder(published, hidden);
		String token = reading.byNumber(hidden).orElseThrow().token();
		assertThat(get(V2 + "/tokens/" + token + ".json").status()).isEqualTo(200);
	}
}
