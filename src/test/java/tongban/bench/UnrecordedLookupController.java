package tongban.bench;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.exchange.DataLookups;
import tongban.exchange.ExchangeClients;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;

/**
 * The benchmark's baseline, present only when a benchmark runs (a {@code bench.seconds} property): the exchange API's
 * lookup behind the same security chain (a bearer token), answered the same way, with recording switched off. Not part
 * of the product.
 */
@RestController
@ConditionalOnProperty(name = "bench.seconds")
class UnrecordedLookupController {

	private final DataLookups lookups;
	private final ExchangeClients clients;

	UnrecordedLookupController(DataLookups lookups, ExchangeClients clients) {
		this.lookups = lookups;
		this.clients = clients;
	}

	@GetMapping("/api/bench/exchange/{resource}/records")
	Map<String, Object> records(@PathVariable String resource, @RequestParam String subject, @RequestHeader("Tongban-Purpose") String purpose,
			@RequestHeader("Tongban-Issue") String issue, Authentication auth) {
		var client = clients.client(auth.getName()).orElseThrow();
		var served = lookups.lookup(new Reader(client.departmentCode(), auth.getName(), null, null),
				new Lookup(resource, subject, null, purpose, issue), false);
		return Map.of("resource", served.resource().code(), "resourceName", served.resource().name(), "provider",
				served.resource().providerDepartmentCode(), "fields", served.fields(), "records", served.records(), "servedAt", served.at());
	}
}
