package tongban.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import tongban.catalog.CatalogManagement;
import tongban.exchange.ExchangeClients;
import tongban.hotline.NewTicket;
import tongban.hotline.Open311Clients;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.identity.Role;
import tongban.identity.internal.ClientRegistrations;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * CPU per request type for the capacity model (docs/capacity.md): each type is sent by wrk (a separate program) for
 * {@code bench.seconds} after a warm-up, and the CPU time of this JVM (the platform: wrk's load runs outside it) and of
 * the PostgreSQL processes is read before and after ({@link CpuTime}); divided by the requests wrk counted. A password
 * sign-in's own cost, the argon2id verification, is timed on this thread's CPU clock. Run by bench/capacity.sh.
 */
class CapacityBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 10);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	@Autowired
	Open311Clients open311;

	@Autowired
	TicketIntake intake;

	@Autowired
	ExchangeClients exchangeClients;

	@Autowired
	ClientRegistrations clients;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void cpuPerRequestType() throws Exception {
		Path lua = Path.of("bench/capacity.lua");
		var ticket = intake.submit(new NewTicket("COMPLAINT", "CS0201", null, "330106", "西湖区学院路 100 号", null, null,
				"小区门口的垃圾已经三天没人清运了。", "王女士", TestPeople.mobile(), null, false, List.of()), TicketSource.operator("压测话务员"));
		FormSession operator = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "压测话务"));
		String licence = jdbc.sql("select identifier from licence_licence order by identifier limit 1").query(String.class).single();

		List<String> ids = jdbc.sql("select id_number_enc from identity_population_register").query(String.class).list().stream().map(keys::decrypt).toList();
		Path idFile = Files.createTempFile("capacity-ids", ".txt");
		Files.write(idFile, ids);
		String token = clientToken(clients, "bench-capacity", "exchange");
		exchangeClients.bindClient("bench-capacity", "XH-YB", 1_000_000);

		Citizen me = newCitizen("容量测算", 2);
		Path drafts = drafts(me, 20_000);

		Map<String, Map<String, String>> types = new LinkedHashMap<>();
		types.put("trivial: GET /actuator/health/liveness", Map.of("CAP_PATH", "/actuator/health/liveness"));
		types.put("guide page, anonymous (cached)", Map.of("CAP_PATH", "/items/330106-GG-0001-01"));
		types.put("guide page, rendered (signed-in visitor)", Map.of("CAP_PATH", "/items/330106-GG-0001-01?uncached=1"));
		types.put("search page 社保卡补办", Map.of("CAP_PATH", "/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1%E8%A1%A5%E5%8A%9E"));
		types.put("licence verification GET /verify/{id}", Map.of("CAP_PATH", "/verify/" + licence));
		types.put("Open311 lookup GET /open311/v2/requests/{n}.json", Map.of("CAP_PATH", "/open311/v2/requests/" + ticket.number() + ".json"));
		types.put("workbench ticket page (staff session)", Map.of("CAP_PATH", "/workbench/hotline/tickets/" + ticket.id(), "CAP_COOKIE",
				operator.cookieHeader()));
		types.put("Open311 create POST /open311/v2/requests.json", Map.of("SCRIPT", "bench/tickets.lua", "TICKETS_KEY", open311.register("bench-capacity", true)));
		types.put("exchange read GET /api/exchange/.../records (recorded)", Map.of("SCRIPT", "bench/exchange.lua", "EXCHANGE_IDS", idFile.toString(),
				"EXCHANGE_TOKEN", token));
		types.put("online submission POST /api/cases/{id}/submission", Map.of("CAP_DRAFTS", drafts.toString(), "CAP_BEARER",
				accessToken(me.id(), "cases.read", "cases.write")));

		System.out.printf("BENCH %d connections, %d s per type after a warm-up of %d s; load average %s%n", CLIENTS, SECONDS, Math.max(3, SECONDS / 2),
				Files.readString(Path.of("/proc/loadavg")).strip());
		// what the platform and PostgreSQL spend with no requests at all (scheduled passes, pools, the JIT), per second: taken
		// off each type's figure, so that a slow request type is not charged with the background of a whole second
		CpuTime idle0 = CpuTime.now();
		long quiet = System.nanoTime();
		Thread.sleep(SECONDS * 1000L);
		CpuTime background = CpuTime.now().minus(idle0);
		double quietSeconds = (System.nanoTime() - quiet) / 1e9;
		System.out.printf("BENCH background with no requests: platform %.0f ms/s, PostgreSQL %.0f ms/s%n", background.app() * 10 / quietSeconds,
				background.postgres() * 10 / quietSeconds);
		System.out.println("BENCH | request type | requests/s | p50 ms | p99 ms | platform CPU ms/request (raw) | PostgreSQL CPU ms/request (raw) | errors |");
		System.out.println("BENCH |---|---|---|---|---|---|---|");
		for (var type : types.entrySet()) {
			Map<String, String> env = new HashMap<>(type.getValue());
			Path script = Path.of(env.getOrDefault("SCRIPT", lua.toString()));
			if (!env.containsKey("CAP_DRAFTS")) {
				Wrk.run(url("/"), CLIENTS, Math.max(3, SECONDS / 2), script, env);
			}
			CpuTime before = CpuTime.now();
			CaseBench.Figures f = Wrk.run(url("/"), CLIENTS, SECONDS, script, env);
			CpuTime cpu = CpuTime.now().minus(before);
			double ms = 1000.0 / 100 / Math.max(1, f.done());
			double share = f.seconds() / quietSeconds;
			System.out.printf("BENCH | %s | %.0f | %.1f | %.1f | %.2f (%.2f) | %.2f (%.2f) | %d |%n", type.getKey(), f.done() / f.seconds(), f.p50() / 1e6,
					f.p99() / 1e6, (cpu.app() - background.app() * share) * ms, cpu.app() * ms, (cpu.postgres() - background.postgres() * share) * ms,
					cpu.postgres() * ms, f.errors());
		}
		var threads = ManagementFactory.getThreadMXBean();
		String hash = passwords.encode("Qiantang-2026-tide");
		passwords.matches("Qiantang-2026-tide", hash);
		long c0 = threads.getCurrentThreadCpuTime();
		int n = 20;
		for (int i = 0; i < n; i++) {
			passwords.matches("Qiantang-2026-tide", hash);
		}
		System.out.printf("BENCH password sign-in: argon2id verification %.1f ms of CPU each (%d, this thread's clock), plus the sign-in page and the"
				+ " redirect after%n", (threads.getCurrentThreadCpuTime() - c0) / 1e6 / n, n);
	}

	/** Drafts ready to submit, as CaseBench prepares them: "id token" per line. */
	private Path drafts(Citizen me, int count) throws Exception {
		Path file = Files.createTempFile("capacity-drafts", ".txt");
		Files.write(file, CaseBench.drafts(jdbcTemplate, catalog, keys, me, count).stream().map(d -> d[0] + " " + d[1]).toList());
		return file;
	}
}
