package tongban.exchange.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import tongban.exchange.DataLookups;
import tongban.exchange.ExchangeClient;
import tongban.exchange.ExchangeClients;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.exchange.Refusal;
import tongban.exchange.Served;
import tongban.exchange.internal.RateLimits;
import tongban.shared.DomainException;
import tongban.shared.web.HeaderValues;
import tongban.shared.web.Problems;

/**
 * The exchange API for department systems (OAuth2 client credentials, scope {@code exchange}). In the manner of X-Road's
 * {@code UserId} and {@code Issue} headers every call names why it reads and for which case: {@code Tongban-Purpose}
 * and {@code Tongban-Issue} (the case number) are required, {@code Tongban-UserId} names the staff member of the
 * calling system when there is one; values in UTF-8, percent-encoded. Answers only granted fields; a field outside the
 * grant is a 403 naming it; too many calls a 429 with Retry-After.
 */
@RestController
class ExchangeApiController {

	private final DataLookups lookups;
	private final ExchangeClients clients;
	private final RateLimits limits;
	private final Problems problems;

	ExchangeApiController(DataLookups lookups, ExchangeClients clients, RateLimits limits, Problems problems) {
		this.lookups = lookups;
		this.clients = clients;
		this.limits = limits;
		this.problems = problems;
	}

	record Records(String resource, String resourceName, String provider, List<String> fields, List<Map<String, String>> records, Instant servedAt) {
	}

	@GetMapping("/api/exchange/{resource}/records")
	ResponseEntity<?> records(@PathVariable String resource, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String fields, @RequestHeader(name = "Tongban-Purpose", required = false) String purpose,
			@RequestHeader(name = "Tongban-Issue", required = false) String issue,
			@RequestHeader(name = "Tongban-UserId", required = false) String userId, Authentication auth, HttpServletRequest request) {
		String clientId = auth.getName();
		ExchangeClient client = clients.client(clientId)
			.orElseThrow(() -> new Refusal(DomainException.Kind.FORBIDDEN, "exchange-client-unbound", null, "client not bound to a department"));
		long wait = limits.take(clientId, client.ratePerSecond());
		if (wait > 0) {
			ProblemDetail p = problems.of(request, HttpStatus.TOO_MANY_REQUESTS, "exchange-rate-limited", null, client.ratePerSecond());
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait)).body(p);
		}
		List<String> wanted = fields == null || fields.isBlank() ? List.of()
				: Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
		Served served = lookups.lookup(new Reader(client.departmentCode(), clientId, HeaderValues.decode(userId), null),
				new Lookup(resource, subject, wanted, HeaderValues.decode(purpose), HeaderValues.decode(issue)), true);
		return ResponseEntity.ok(new Records(served.resource().code(), served.resource().name(), served.resource().providerDepartmentCode(),
				served.fields(), served.records(), served.at()));
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal e, HttpServletRequest request) {
		HttpStatus status = switch (e.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		ProblemDetail p = problems.of(request, status, e.code(), null, e.args());
		if (e.field() != null) {
			p.setProperty("field", e.field());
		}
		return ResponseEntity.status(status).body(p);
	}
}
