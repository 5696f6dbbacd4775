package tongban.hotline.web;

import static tongban.hotline.web.Open311Params.date;
import static tongban.hotline.web.Open311Params.decimal;
import static tongban.hotline.web.Open311Params.param;
import static tongban.hotline.web.Open311Params.values;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

import tongban.directory.DirectoryManagement;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.NewTicket;
import tongban.hotline.Open311Clients;
import tongban.hotline.PhoneConfirmation;
import tongban.hotline.RetryableSubmissions;
import tongban.hotline.Submitted;
import tongban.hotline.Ticket;
import tongban.hotline.TicketQuery;
import tongban.hotline.TicketSource;
import tongban.hotline.Tickets;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.FieldProblem;
import tongban.shared.Masking;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}: discovery, services, service
 * definitions, posting requests with an {@code api_key}, querying requests, one request, and tokens; every resource as
 * {@code .json} or {@code .xml}; errors as the spec's array of {@code code} and {@code description}. Categories are
 * services; a ticket's status maps to {@code open} or {@code closed} with {@code status_notes}.
 * <p>
 * Privacy beyond the spec: a request's description, address and coordinates are public only when its submitter agreed
 * to publication; the submitter's name and phone never are. Attributes {@code type}, {@code region},
 * {@code phone_code} and {@code publish} carry what a 12345 ticket needs beyond the spec's fields; an anonymous
 * submission through a client that does not confirm phones itself must carry an SMS code sent by
 * {@code POST /open311/v2/phone_codes.json} (an extension).
 */
@RestController
class Open311Controller {

	static final String BASE = "/open311/v2";
	static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
	/** GeoReport v2, Format Support: "Content-Type: application/json; charset=utf-8". */
	static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
	/** GeoReport v2, GET Service Requests: a query may not span more than 90 days, and defaults to the last 90. */
	static final Duration SPAN = Duration.ofDays(90);

	/**
	 * A client's name for one request (the IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a retry with the
	 * same key and the same content answers the ticket already created; the same key with other content is a 422.
	 */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	/** Marks the answer to a retry: the ticket was created by an earlier copy of the request. */
	static final String REPLAYED = "Idempotent-Replayed";
	static final int MAX_KEY_LENGTH = 255;

	private final Tickets tickets;
	private final Open311Clients clients;
	private final PhoneConfirmation phones;
	private final RetryableSubmissions submissions;
	private final Open311Requests requests;
	private final HotlineCatalogue catalogue;
	private final DirectoryManagement directory;
	private final JsonMapper json;
	private final DemoData demo;
	private final String contact;

	Open311Controller(Tickets tickets, Open311Clients clients, PhoneConfirmation phones, RetryableSubmissions submissions,
			Open311Requests requests, HotlineCatalogue catalogue, DirectoryManagement directory, JsonMapper json, DemoData demo,
			@Value("${tongban.hotline.open311.contact:12345 政务服务便民热线}") String contact) {
		this.demo = demo;
		this.contact = contact;
		this.tickets = tickets;
		this.clients = clients;
		this.phones = phones;
		this.submissions = submissions;
		this.requests = requests;
		this.catalogue = catalogue;
		this.directory = directory;
		this.json = json;
	}

	private static String format(String f) {
		if (!"json".equals(f) && !"xml".equals(f)) {
			throw Open311Error.of(400, "不支持的格式：" + f + "（支持 json、xml）");
		}
		return f;
	}

	private ResponseEntity<String> answer(HttpStatus status, String format, Object body, String root, String item) {
		if ("xml".equals(format)) {
			return ResponseEntity.status(status).contentType(XML).body(Xml.document(root, item, (List<?>) body));
		}
		return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(body));
	}

	private ResponseEntity<String> failure(Open311Error e, String format) {
		String f = "xml".equals(format) ? "xml" : "json";
		return answer(HttpStatus.valueOf(e.status), f, e.errors, "errors", "error");
	}

	private ResponseEntity<String> run(String format, Supplier<ResponseEntity<String>> body) {
		try {
			return body.get();
		}
		catch (Open311Error e) {
			return failure(e, format);
		}
	}

	// ---- discovery

	@GetMapping(BASE + "/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
		return run(format, () -> {
			String f = format(format);
			// GeoReport v2 discovery: "changeset: sortable field that specifies the last time this document was changed";
			// what changes it is the service list (the category tree) shipped with the build
			String changeset = OffsetDateTime.ofInstant(catalogue.changedAt(), Clocks.ZONE).truncatedTo(ChronoUnit.SECONDS).toString();
			String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + BASE;
			Map<String, Object> endpoint = new LinkedHashMap<>();
			endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
			endpoint.put("url", base);
			endpoint.put("changeset", changeset);
			// a demo's endpoint is a test endpoint: its tickets are not answered by anyone
			endpoint.put("type", demo.present() ? "test" : "production");
			endpoint.put("formats", List.of("application/json", "text/xml"));
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("changeset", changeset);
			d.put("contact", contact);
			d.put("key_service", "向平台管理员申请 api_key；无自行核验手机号能力的客户端须先调用 phone_codes 获取短信验证码");
			d.put("endpoints", List.of(endpoint));
			if ("xml".equals(f)) {
				return ResponseEntity.ok().contentType(XML).body(Xml.document("discovery", d));
			}
			return answer(HttpStatus.OK, f, d, null, null);
		});
	}

	// ---- services

	private Map<String, Object> service(HotlineCatalogue.Category c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_code", c.code());
		m.put("service_name", c.name());
		m.put("description", c.description());
		m.put("metadata", true);
		m.put("type", "realtime");
		m.put("keywords", c.keywords());
		m.put("group", c.group());
		return m;
	}

	@GetMapping(BASE + "/services.{format}")
	ResponseEntity<String> services(@PathVariable String format) {
		return run(format, () -> answer(HttpStatus.OK, format(format), catalogue.categories().stream().map(this::service).toList(),
				"services", "service"));
	}

	@GetMapping(BASE + "/services/{code:[^.]+}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
		return run(format, () -> {
			String f = format(format);
			HotlineCatalogue.Category c = catalogue.category(code).orElseThrow(() -> Open311Error.of(404, "服务不存在：" + code));
			List<Map<String, Object>> attributes = new ArrayList<>();
			attributes.add(attribute("type", "诉求类型", "singlevaluelist", false, 1,
					"默认投诉", NewTicket.TYPES.stream().map(t -> value(t, requests.msg("hotline.type." + t))).toList()));
			attributes.add(attribute("region", "所在区县", "singlevaluelist", true, 2, "行政区划代码（GB/T 2260）",
					directory.homeCityDistricts().stream().map(r -> value(r.code(), r.name())).toList()));
			attributes.add(attribute("phone_code", "短信验证码", "string", false, 3,
					"匿名提交时必填：先调用 phone_codes 向 phone 发送验证码", null));
			attributes.add(attribute("publish", "同意匿名公开", "singlevaluelist", false, 4, "默认不公开",
					List.of(value("yes", "同意"), value("no", "不同意"))));
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("service_code", c.code());
			d.put("attributes", attributes);
			if ("xml".equals(f)) {
				return ResponseEntity.ok().contentType(XML).body(Xml.document("service_definition", d));
			}
			return answer(HttpStatus.OK, f, d, null, null);
		});
	}

	private static Map<String, Object> attribute(String code, String description, String datatype, boolean required,
			int order, String datatypeDescription, List<Map<String, Object>> values) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("variable", true);
		m.put("code", code);
		m.put("datatype", datatype);
		m.put("required", required);
		m.put("datatype_description", datatypeDescription);
		m.put("order", order);
		m.put("description", description);
		if (values != null) {
			m.put("values", values);
		}
		return m;
	}

	private static Map<String, Object> value(String key, String name) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("key", key);
		m.put("name", name);
		return m;
	}

	// ---- posting

	@PostMapping(BASE + "/phone_codes.{format}")
	ResponseEntity<String> phoneCode(@PathVariable String format, @RequestParam(name = "api_key", required = false) String apiKey,
			@RequestParam(required = false) String phone) {
		return run(format, () -> {
			String f = format(format);
			client(apiKey);
			Optional<FieldProblem> p = phones.sendCode(phone);
			if (p.isPresent()) {
				throw Open311Error.of(400, requests.msg(p.get().code(), p.get().argArray()));
			}
			return answer(HttpStatus.OK, f, List.of(Map.of("phone", Masking.mobile(phone.strip()), "sent", true)),
					"phone_codes", "phone_code");
		});
	}

	private Open311Clients.Client client(String apiKey) {
		return clients.byKey(apiKey).orElseThrow(() -> Open311Error.of(403, "api_key 无效或缺失"));
	}

	@PostMapping(BASE + "/requests.{format}")
	ResponseEntity<String> post(@PathVariable String format, HttpServletRequest request) {
		return run(format, () -> {
			String f = format(format);
			Open311Clients.Client client = client(request.getParameter("api_key"));
			String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
			if (idempotencyKey != null && idempotencyKey.length() > MAX_KEY_LENGTH) {
				throw Open311Error.of(400, IDEMPOTENCY_KEY + " 不能超过 " + MAX_KEY_LENGTH + " 个字符");
			}
			String serviceCode = param(request, "service_code");
			if (serviceCode.isEmpty()) {
				throw Open311Error.of(400, "缺少 service_code");
			}
			if (catalogue.category(serviceCode).isEmpty()) {
				throw Open311Error.of(404, "服务不存在：" + serviceCode);
			}
			List<Map<String, Object>> errors = new ArrayList<>();
			BigDecimal lat = decimal(param(request, "lat"), "lat", errors), lon = decimal(param(request, "long"), "long", errors);
			String address = param(request, "address_string");
			if (address.isEmpty()) {
				address = param(request, "address_id");
			}
			if (lat == null && lon == null && address.isEmpty() && errors.isEmpty()) {
				errors.add(Open311Error.error(400, "位置必填：lat 与 long，或 address_string，或 address_id"));
			}
			String type = param(request, "attribute[type]");
			String publish = param(request, "attribute[publish]");
			if (!publish.isEmpty() && !publish.equals("yes") && !publish.equals("no")) {
				errors.add(Open311Error.error(400, "attribute[publish] 只能为 yes 或 no"));
			}
			String name = (param(request, "last_name") + param(request, "first_name")).strip();
			if (!errors.isEmpty()) {
				throw new Open311Error(400, errors);
			}
			NewTicket t = new NewTicket(type.isEmpty() ? "COMPLAINT" : type, serviceCode, null,
					param(request, "attribute[region]"), address, lat, lon,
					Open311Fields.content(param(request, "description"), catalogue.category(serviceCode).orElseThrow().name(), address, lat, lon), name,
					param(request, "phone"), param(request, "attribute[phone_code]"), "yes".equals(publish), List.of());
			RetryableSubmissions.Outcome outcome = submissions.submit(t,
					TicketSource.open311(client.name(), client.verifiesPhone()), request.getHeader(IDEMPOTENCY_KEY));
			if (outcome.kind() == RetryableSubmissions.Kind.KEY_REUSED) {
				throw Open311Error.of(422, IDEMPOTENCY_KEY + " 已用于另一份内容不同的诉求；每份诉求请使用新的 " + IDEMPOTENCY_KEY);
			}
			Submitted s = outcome.submitted();
			if (!s.ok()) {
				throw new Open311Error(400, s.problems().stream().map(p -> Open311Error.error(400, Open311Fields.name(p.field()) + "：" + requests.msg(p.code(), p.argArray()))).toList());
			}
			// services are "realtime": the response carries service_request_id and, as the spec requires, no token
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("service_request_id", s.number());
			m.put("service_notice", "已受理，请凭编号和手机号在通办网站“诉求查询”中跟进办理进度");
			m.put("account_id", null);
			ResponseEntity<String> created = answer(HttpStatus.CREATED, f, List.of(m), "service_requests", "request");
			return outcome.kind() == RetryableSubmissions.Kind.REPLAYED
					? ResponseEntity.status(HttpStatus.CREATED).headers(created.getHeaders()).header(REPLAYED, "true").body(created.getBody())
					: created;
		});
	}

	// ---- reading requests

	@GetMapping(BASE + "/requests.{format}")
	ResponseEntity<String> requests(@PathVariable String format, HttpServletRequest request) {
		return run(format, () -> {
			String f = format(format);
			List<String> ids = values(request, "service_request_id");
			if (!ids.isEmpty()) {
				// service_request_id "overrides all other arguments"
				List<Ticket> found = tickets.search(new TicketQuery(ids, List.of(), null, null, List.of(), 1000));
				return answer(HttpStatus.OK, f, found.stream().map(requests::request).toList(), "service_requests", "request");
			}
			OffsetDateTime start = date(param(request, "start_date"), "start_date");
			OffsetDateTime end = date(param(request, "end_date"), "end_date");
			List<String> statuses = values(request, "status");
			for (String s : statuses) {
				if (!s.equals("open") && !s.equals("closed")) {
					throw Open311Error.of(400, "status 只能为 open 或 closed");
				}
			}
			// the spec's defaults: the most recent 90 days unless a period is given; a period of at most 90 days; at
			// most 1000 requests
			if (start == null && end == null) {
				start = OffsetDateTime.now(ZoneOffset.UTC).minus(SPAN);
			}
			else if (start == null) {
				start = end.minus(SPAN);
			}
			else if (end == null) {
				end = start.plus(SPAN);
			}
			else if (end.isBefore(start)) {
				throw Open311Error.of(400, "end_date 早于 start_date");
			}
			else if (end.isAfter(start.plus(SPAN))) {
				throw Open311Error.of(400, "start_date 与 end_date 之间不得超过 90 天");
			}
			List<Ticket> found = tickets.search(new TicketQuery(List.of(), values(request, "service_code"), start, end,
					statuses, 1000));
			return answer(HttpStatus.OK, f, found.stream().map(requests::request).toList(), "service_requests", "request");
		});
	}

	@GetMapping(BASE + "/requests/{id:[^.]+}.{format}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
		return run(format, () -> {
			String f = format(format);
			Ticket t = tickets.byNumber(id).orElseThrow(() -> Open311Error.of(404, "诉求不存在：" + id));
			return answer(HttpStatus.OK, f, List.of(requests.request(t)), "service_requests", "request");
		});
	}

	@GetMapping(BASE + "/tokens/{token:[^.]+}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
		return run(format, () -> {
			String f = format(format);
			Ticket t = tickets.byToken(token).orElseThrow(() -> Open311Error.of(404, "token 不存在"));
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("service_request_id", t.number());
			m.put("token", t.token());
			return answer(HttpStatus.OK, f, List.of(m), "service_requests", "request");
		});
	}

	/**
	 * Any other path under the endpoint: GeoReport v2, Errors: "The HTTP error codes should always be 404 for resources
	 * that don't exist", with the error array (Spring's own error body is no Open311 answer).
	 */
	@RequestMapping(BASE + "/**")
	ResponseEntity<String> unknown(HttpServletRequest request) {
		return failure(Open311Error.of(404, "资源不存在：" + request.getRequestURI()), request.getRequestURI().endsWith(".xml") ? "xml" : "json");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<String> badBody(HttpServletRequest request) {
		return failure(Open311Error.of(400, "请求体无法解析"), request.getRequestURI().endsWith(".xml") ? "xml" : "json");
	}
}
