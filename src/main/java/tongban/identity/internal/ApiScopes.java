package tongban.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The scope each group of the REST API needs, in one table read by the API's filter chain and by the OpenAPI
 * document, so the two cannot disagree. A token only reaches an API its client was granted and its user consented
 * to: before this, a relying party granted only {@code openid} read whole cases, ID numbers included. {@code /api/me}
 * answers any access token; public reads (catalogue, regions, statistics) need none.
 */
final class ApiScopes {

	static final String CASES_READ = "cases.read";
	static final String CASES_WRITE = "cases.write";
	static final String TASKS = "tasks";
	static final String EXCHANGE = "exchange";
	static final String AUDIT = "audit";
	static final String LICENCE_VERIFY = "licence.verify";
	static final String APPOINTMENTS = "appointments";
	static final String QUEUE = "queue";
	static final String HOTLINE = "hotline";

	/** What each API scope lets a client do, for the OpenAPI document (the consent page says it in messages). */
	static final Map<String, String> DESCRIPTIONS = Map.of(
			CASES_READ, "Read the signed-in applicant's cases: form values, materials, history (GET /api/cases/**)",
			CASES_WRITE, "Apply for the signed-in applicant: drafts, materials, submission, withdrawal, rating (POST/PUT /api/cases/**)",
			TASKS, "Handle the signed-in approver's tasks (/api/tasks/**)",
			EXCHANGE, "Read shared records under the department's approved grants (/api/exchange/**, client credentials)",
			AUDIT, "Check the audit chain (/api/admin/audit/**, client credentials)",
			LICENCE_VERIFY, "Verify e-licences for a department system: status and the holder's masked name (/api/licences/**, client credentials)",
			APPOINTMENTS, "Book, move and cancel the signed-in person's appointments at service points (/api/hall/bookings/**)",
			QUEUE, "Take queue numbers for the signed-in person and follow them (/api/hall/tickets/**)",
			HOTLINE, "Handle 12345 tickets as the signed-in member of staff: the operator dispatches and closes, the lead department replies (/api/hotline/**)");

	/** One line of the table; a null method means every method. */
	record Rule(HttpMethod method, String pattern, String scope) {

		boolean matches(HttpMethod requestMethod, String path) {
			return (method == null || method.equals(requestMethod)) && PATTERNS.parse(pattern).matches(PathContainer.parsePath(path));
		}
	}

	private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

	/** First match wins: reads of cases before the writes that cover the rest of /api/cases. */
	static final List<Rule> RULES = List.of(
			new Rule(HttpMethod.GET, "/api/cases", CASES_READ),
			new Rule(HttpMethod.GET, "/api/cases/**", CASES_READ),
			new Rule(null, "/api/cases", CASES_WRITE),
			new Rule(null, "/api/cases/**", CASES_WRITE),
			new Rule(null, "/api/tasks", TASKS),
			new Rule(null, "/api/tasks/**", TASKS),
			new Rule(null, "/api/exchange/**", EXCHANGE),
			new Rule(null, "/api/admin/audit/**", AUDIT),
			new Rule(null, "/api/licences/**", LICENCE_VERIFY),
			new Rule(null, "/api/hall/bookings", APPOINTMENTS),
			new Rule(null, "/api/hall/bookings/**", APPOINTMENTS),
			new Rule(null, "/api/hall/tickets", QUEUE),
			new Rule(null, "/api/hall/tickets/**", QUEUE),
			new Rule(null, "/api/hotline/**", HOTLINE));

	private ApiScopes() {
	}

	/** The scope an operation needs, if it needs one. */
	static Optional<String> scopeFor(HttpMethod method, String path) {
		return RULES.stream().filter(r -> r.matches(method, path)).map(Rule::scope).findFirst();
	}
}
