package tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.DataLookups;
import tongban.exchange.ExchangeClients;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.identity.internal.ClientRegistrations;
import tongban.support.IntegrationTest;

/**
 * Exchange lookups: the same lookup in the service with the read recorded and with recording switched off, on 2
 * threads, in the same run (the recording's overhead is the ratio of the two; this also warms the code up), then the
 * population register read through the exchange API by a department system (wrk, a separate program, over the given
 * connections; every read recorded for the person and in the audit trail), recorded and unrecorded alternating in
 * {@code bench.rounds} rounds (16) of {@code bench.seconds / bench.rounds} seconds each. Run by bench/exchange.sh, not
 * by the test suite; prints figures only.
 */
class ExchangeBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	@Autowired
	DataLookups lookups;

	@Autowired
	ExchangeClients exchangeClients;

	@Autowired
	ClientRegistrations clients;

	@Test
	void lookups() throws Exception {
		List<String> ids = jdbc.sql("select id_number_enc from identity_population_register").query(String.class).list().stream().map(keys::decrypt).toList();
		String token = clientToken(clients, "bench-yb", "exchange");
		exchangeClients.bindClient("bench-yb", "XH-YB", 1_000_000);
		Path file = Files.createTempFile("exchange-ids", ".txt");
		Files.write(file, ids);
		Map<String, String> env = Map.of("EXCHANGE_IDS", file.toString(), "EXCHANGE_TOKEN", token);
		var reader = new Reader("XH-YB", "bench-yb", null, null);
		int threads = 2;
		for (int round = 0; round < 2; round++) {
			CaseBench.Figures on = CaseBench.load(threads, Math.max(5, SECONDS / 8), Integer.MAX_VALUE, i -> !lookups
				.lookup(reader, new Lookup("XH-GA-RK", ids.get(i % ids.size()), null, "压测", "BENCH-0002"), true).fields().isEmpty());
			CaseBench.Figures off = CaseBench.load(threads, Math.max(5, SECONDS / 8), Integer.MAX_VALUE, i -> !lookups
				.lookup(reader, new Lookup("XH-GA-RK", ids.get(i % ids.size()), null, "压测", "BENCH-0002"), false).fields().isEmpty());
			if (round == 1) {
				System.out.println("BENCH " + on.line("service lookup, read recorded (" + threads + " threads)"));
				System.out.println("BENCH " + off.line("service lookup, recording off (" + threads + " threads)"));
				double rOn = on.done() / on.seconds();
				double rOff = off.done() / off.seconds();
				System.out.printf("BENCH recording overhead: %.1f%% fewer lookups per second, p99 %.2f ms vs %.2f ms%n", 100 * (1 - rOn / rOff),
						on.p99() / 1e6, off.p99() / 1e6);
			}
		}
		Map<String, String> unrecorded = new java.util.HashMap<>(env);
		unrecorded.put("EXCHANGE_PREFIX", "/api/bench/exchange");
		Wrk.run(url("/"), CLIENTS, Math.max(4, SECONDS / 4), Path.of("bench/exchange.lua"), env);
		Wrk.run(url("/"), CLIENTS, Math.max(4, SECONDS / 4), Path.of("bench/exchange.lua"), unrecorded);
		// recorded and unrecorded alternate in rounds (ABBA), so that a machine slowing down or speeding up during the run
		// weighs on both alike; each round's overhead is printed, with the totals and the median round
		int rounds = Integer.getInteger("bench.rounds", 16);
		int each = Math.max(3, SECONDS / rounds);
		List<CaseBench.Figures> on = new java.util.ArrayList<>();
		List<CaseBench.Figures> off = new java.util.ArrayList<>();
		long reads0 = jdbc.sql("select count(*) from exchange_access").query(Long.class).single();
		long batches0 = jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ'").query(Long.class).single();
		CpuTime[] cpu = { new CpuTime(0, 0, 0, 0, 0), new CpuTime(0, 0, 0, 0, 0) };
		for (int round = 0; round < rounds; round++) {
			for (int side = 0; side < 2; side++) {
				boolean recording = (side == 0) == (round % 2 == 0);
				CpuTime before = CpuTime.now();
				(recording ? on : off).add(Wrk.run(url("/"), CLIENTS, each, Path.of("bench/exchange.lua"), recording ? env : unrecorded));
				cpu[recording ? 0 : 1] = cpu[recording ? 0 : 1].plus(CpuTime.now().minus(before));
			}
		}
		long recorded = jdbc.sql("select count(*) from exchange_access").query(Long.class).single() - reads0;
		long batches = jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ'").query(Long.class).single() - batches0;
		List<Double> overheads = new java.util.ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			CaseBench.Figures a = on.get(round);
			CaseBench.Figures b = off.get(round);
			double overhead = 100 * (1 - (a.done() / a.seconds()) / (b.done() / b.seconds()));
			overheads.add(overhead);
			System.out.printf("BENCH round %d: recorded %.0f/s (p99 %.1f ms, errors %d), unrecorded %.0f/s (p99 %.1f ms, errors %d), overhead %.1f%%%n",
					round + 1, a.done() / a.seconds(), a.p99() / 1e6, a.errors(), b.done() / b.seconds(), b.p99() / 1e6, b.errors(), overhead);
		}
		CaseBench.Figures http = total(on);
		CaseBench.Figures httpOff = total(off);
		System.out.println("BENCH " + http.line("GET /api/exchange/XH-GA-RK/records, each read recorded (wrk, " + CLIENTS + " connections, " + ids.size()
				+ " people; " + rounds + " rounds; p99 the worst round's)"));
		System.out.printf("BENCH reads recorded during the HTTP rounds: %d (answers: %d), sealed by %d entries (%.1f reads each)%n", recorded, http.done(),
				batches, (double) recorded / Math.max(1, batches));
		System.out.println("BENCH " + httpOff.line("the same over HTTP, recording off (benchmark-only baseline; wrk, " + CLIENTS + " connections)"));
		System.out.println("BENCH recorded: " + cpu[0].per(http.done()));
		System.out.println("BENCH unrecorded: " + cpu[1].per(httpOff.done()));
		overheads.sort(null);
		System.out.printf("BENCH HTTP recording overhead: %.1f%% fewer lookups per second over all rounds (median round %.1f%%), p99 %.1f ms vs %.1f ms%n",
				100 * (1 - (http.done() / http.seconds()) / (httpOff.done() / httpOff.seconds())),
				(overheads.get(rounds / 2 - 1) + overheads.get(rounds / 2)) / 2, http.p99() / 1e6, httpOff.p99() / 1e6);

		Files.delete(file);
	}

	/** The rounds together: their answers and seconds summed, p50 and p99 the worst round's. */
	private static CaseBench.Figures total(List<CaseBench.Figures> rounds) {
		return new CaseBench.Figures(rounds.stream().mapToInt(CaseBench.Figures::done).sum(), rounds.stream().mapToInt(CaseBench.Figures::errors).sum(),
				rounds.stream().mapToDouble(CaseBench.Figures::seconds).sum(), rounds.stream().mapToLong(CaseBench.Figures::p50).max().orElse(0),
				rounds.stream().mapToLong(CaseBench.Figures::p99).max().orElse(0));
	}
}
