package tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.ExchangeManagement;
import tongban.identity.internal.ClientRegistrations;
import tongban.support.IntegrationTest;

/**
 * Exchange lookups: the same lookup in the service with the read recorded and with recording switched off, on 2
 * threads, in the same run (the recording's overhead is the ratio of the two; this also warms the code up), then the
 * population register read through the exchange API by a department system (wrk, a separate program, over the given
 * connections; every read recorded for the person and in the audit trail). Run by bench/exchange.sh, not by the test suite; prints figures only.
 */
class ExchangeBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	@Autowired
	ExchangeManagement exchange;

	@Autowired
	ClientRegistrations clients;

	@Test
	void lookups() throws Exception {
		List<String> ids = jdbc.sql("select id_number_enc from identity_population_register").query(String.class).list().stream().map(keys::decrypt).toList();
		String token = clientToken(clients, "bench-yb", "exchange");
		exchange.bindClient("bench-yb", "XH-YB", 1_000_000);
		Path file = Files.createTempFile("exchange-ids", ".txt");
		Files.write(file, ids);
		Map<String, String> env = Map.of("EXCHANGE_IDS", file.toString(), "EXCHANGE_TOKEN", token);
		var reader = new ExchangeManagement.Reader("XH-YB", "bench-yb", null, null);
		int threads = 2;
		for (int round = 0; round < 2; round++) {
			CaseBench.Figures on = CaseBench.load(threads, SECONDS / 2, Integer.MAX_VALUE, i -> !exchange
				.lookup(reader, new ExchangeManagement.Lookup("XH-GA-RK", ids.get(i % ids.size()), null, "压测", "BENCH-0002"), true).fields().isEmpty());
			CaseBench.Figures off = CaseBench.load(threads, SECONDS / 2, Integer.MAX_VALUE, i -> !exchange
				.lookup(reader, new ExchangeManagement.Lookup("XH-GA-RK", ids.get(i % ids.size()), null, "压测", "BENCH-0002"), false).fields().isEmpty());
			if (round == 1) {
				System.out.println("BENCH " + on.line("service lookup, read recorded (" + threads + " threads)"));
				System.out.println("BENCH " + off.line("service lookup, recording off (" + threads + " threads)"));
				double rOn = on.done() / on.seconds();
				double rOff = off.done() / off.seconds();
				System.out.printf("BENCH recording overhead: %.1f%% fewer lookups per second, p99 %.2f ms vs %.2f ms%n", 100 * (1 - rOn / rOff),
						on.p99() / 1e6, off.p99() / 1e6);
			}
		}
		Wrk.run(url("/"), CLIENTS, Math.max(4, SECONDS / 2), Path.of("bench/exchange.lua"), env);
		long reads0 = jdbc.sql("select count(*) from exchange_access").query(Long.class).single();
		CaseBench.Figures http = Wrk.run(url("/"), CLIENTS, SECONDS, Path.of("bench/exchange.lua"), env);
		Map<String, String> unrecorded = new java.util.HashMap<>(env);
		unrecorded.put("EXCHANGE_PREFIX", "/api/bench/exchange");
		CaseBench.Figures httpOff = Wrk.run(url("/"), CLIENTS, SECONDS, Path.of("bench/exchange.lua"), unrecorded);
		long recorded = jdbc.sql("select count(*) from exchange_access").query(Long.class).single() - reads0;
		Wrk.run(url("/"), CLIENTS, 4, Path.of("bench/exchange.lua"), Map.of("EXCHANGE_IDS", file.toString(), "EXCHANGE_TOKEN", token, "EXCHANGE_PREFIX",
				"/api/bench/exchange"));
		System.out.println("BENCH " + http.line("GET /api/exchange/XH-GA-RK/records, each read recorded (wrk, " + CLIENTS + " connections, " + ids.size()
				+ " people)"));
		System.out.printf("BENCH reads recorded during the HTTP run: %d (answers: %d)%n", recorded, http.done());
		System.out.println("BENCH " + httpOff.line("the same over HTTP, recording off (benchmark-only baseline; wrk, " + CLIENTS + " connections)"));
		System.out.printf("BENCH HTTP recording overhead: %.1f%% fewer lookups per second, p99 %.1f ms vs %.1f ms%n",
				100 * (1 - (http.done() / http.seconds()) / (httpOff.done() / httpOff.seconds())), http.p99() / 1e6, httpOff.p99() / 1e6);

		Files.delete(file);
	}
}
