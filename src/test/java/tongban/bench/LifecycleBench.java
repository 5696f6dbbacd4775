package tongban.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.Open311Clients;
import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * The complaint lifecycle against eGov DIGIT's published figure (issue 21): 1,000,000 tickets stored first (written by
 * SQL in one statement per table, with real ciphertexts of a thousand phones and names, a year of creation times and the
 * statuses and history lines of a hotline's year), then wrk runs whole lifecycles over {@code bench.clients} connections
 * (bench/lifecycle.lua: Open311 create, the operator's dispatch, the department's answer, the operator's close, the
 * client's lookup; staff through the workbench with signed-in sessions, following each redirect as a browser does),
 * beside the liveness probe in the same run. Prints lifecycles per second, each step's p50/p99, the CPU per lifecycle of
 * the platform and PostgreSQL, the load average, and checks the closed tickets in the database against the lifecycles
 * wrk counted, and PostgreSQL's commits per lifecycle (with {@code -Dtongban.db.statement-statistics=true} also every
 * statement's calls and time per lifecycle), then the two floors under a lifecycle ({@link DatabaseFloor}: the ticket's
 * statements alone through pgbench; five liveness requests' CPU) and the ceiling they leave on this machine's cores. Run
 * by bench/lifecycle.sh, not by the test suite.
 */
class LifecycleBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 60);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);
	static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
	/** {@code api}: the staff steps through /api/hotline with access tokens; {@code pages}: through the workbench. */
	static final String MODE = System.getProperty("bench.mode", "api");
	static final String LEAD = "XH-ZJ";
	/** Warm-up rounds last this many seconds; warming up ends when the JIT compiled for less than {@link #SETTLED} of a core in one. */
	static final int WARM_UP_ROUND = 10;
	static final double SETTLED = 0.05;
	static final Duration WARM_UP_LIMIT = Duration.ofSeconds(Integer.getInteger("bench.warmup-limit", 240));
	/** Staff names are Chinese characters only. */
	static final String NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

	@Autowired
	Open311Clients open311;

	@Test
	void lifecycles() throws Exception {
		System.out.println("BENCH machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average at start " + loadAverage());
		long t0 = System.nanoTime();
		long seeded = seed(TICKETS);
		System.out.printf("BENCH seeded %,d tickets (%,d history lines) in %.1f s%n", seeded,
				jdbc.sql("select count(*) from hotline_ticket_event").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

		String client = "bench-lifecycle-" + System.nanoTime();
		String key = open311.register(client, true);
		List<String> sessions = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			People.Staff operator = newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "压测话务" + NAMES.charAt(i % NAMES.length()));
			People.Staff department = newStaff(LEAD, Role.APPROVER, "压测承办" + NAMES.charAt(i % NAMES.length()));
			if ("api".equals(MODE)) {
				tokens.add(accessToken(operator.id(), "hotline") + " " + accessToken(department.id(), "hotline"));
				continue;
			}
			FormSession operatorPages = signedIn(operator);
			FormSession departmentPages = signedIn(department);
			sessions.add(String.join(" ", operatorPages.cookieHeader().replace(" ", ""), encoded(operatorPages.csrfToken()),
					departmentPages.cookieHeader().replace(" ", ""), encoded(departmentPages.csrfToken())));
		}
		System.out.println("BENCH staff steps through " + ("api".equals(MODE) ? "the hotline API (access tokens)" : "workbench pages (sessions)"));
		Path out = Files.createTempFile("lifecycle", ".txt");
		Map<String, String> env = new HashMap<>(Map.of("LC_KEY", key, "LC_LEAD", LEAD, "LC_SESSIONS", String.join(",", sessions), "LC_TOKENS",
				String.join(",", tokens), "LC_MODE", MODE, "LC_OUT", out.toString()));
		Path script = Path.of("bench/lifecycle.lua");

		// warm-up of both, the lifecycles until the JIT compiler has settled: a server runs for days, and a timed run during
		// which the compiler still works measures the compiler (it took 39% of the CPU in a 30 s run after 10 s of warm-up)
		Wrk.run(url("/actuator/health/liveness"), CLIENTS, 5, null, Map.of());
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long warmStart = System.nanoTime();
		long warmLifecycles = 0;
		double jitShare;
		do {
			long jit0 = jit.getTotalCompilationTime();
			Wrk.run(url("/"), CLIENTS, CLIENTS, WARM_UP_ROUND, script, env);
			Steps warm = Steps.read(out);
			warmLifecycles += warm.lifecycles;
			if (warm.errors > 0) {
				throw new IllegalStateException("warm-up: " + warm.errors + " lifecycle errors" + warm.lastError);
			}
			jitShare = (jit.getTotalCompilationTime() - jit0) / (WARM_UP_ROUND * 1000.0);
		}
		while (jitShare > SETTLED && System.nanoTime() - warmStart < WARM_UP_LIMIT.toNanos());
		System.out.printf("BENCH warm-up: %,d lifecycles in %.0f s; JIT compiling %.0f%% of one core in the last %d s%n", warmLifecycles,
				(System.nanoTime() - warmStart) / 1e9, 100 * jitShare, WARM_UP_ROUND);

		long closedBefore = closed(client);
		String loadBefore = loadAverage();
		long jitBefore = jit.getTotalCompilationTime();
		StatementCount statements = StatementCount.start(jdbc);
		CpuTime cpu0 = CpuTime.now();
		CaseBench.Figures all = Wrk.run(url("/"), CLIENTS, CLIENTS, SECONDS, script, env);
		CpuTime cpu = CpuTime.now().minus(cpu0);
		long jitDuring = jit.getTotalCompilationTime() - jitBefore;
		String loadAfter = loadAverage();
		long closed = closed(client) - closedBefore;
		Steps steps = Steps.read(out);
		List<String> database = statements.report(steps.lifecycles, "lifecycle", 50);
		CpuTime baseCpu0 = CpuTime.now();
		CaseBench.Figures base = Wrk.run(url("/actuator/health/liveness"), CLIENTS, CLIENTS, Math.max(10, SECONDS / 3), null, Map.of());
		CpuTime baseCpu = CpuTime.now().minus(baseCpu0);
		String phone = "13805710000";
		DatabaseFloor.Figures floor = DatabaseFloor.run(jdbc, CLIENTS, Math.max(20, SECONDS / 2), keys.encrypt(phone), keys.blindIndex(phone),
				keys.encrypt("市民"));

		double perSecond = steps.lifecycles / all.seconds();
		System.out.printf("BENCH %d connections, %d s: %,d lifecycles = %.1f lifecycles/s (%,d requests, %.0f/s; failed responses and socket errors "
				+ "%d; lifecycle errors %d%s)%n", CLIENTS, SECONDS, steps.lifecycles, perSecond, all.done(), all.done() / all.seconds(), all.errors(),
				steps.errors, steps.lastError);
		System.out.printf("BENCH tickets closed in the database during the run: %,d (lifecycles counted by wrk: %,d)%n", closed, steps.lifecycles);
		for (String step : List.of("create", "dispatch", "answer", "close", "search")) {
			List<Double> values = steps.times.getOrDefault(step, List.of());
			System.out.printf("BENCH step %-8s n=%,d p50 %.1f ms, p99 %.1f ms%n", step, values.size(), percentile(values, 50), percentile(values, 99));
		}
		System.out.println("BENCH " + base.line("baseline GET /actuator/health/liveness (wrk, " + CLIENTS + " connections)"));
		System.out.printf("BENCH ratio: %.1f requests/s of the lifecycles = %.3f of the baseline's rate; %.2f lifecycles/s per 1,000 baseline requests/s%n",
				all.done() / all.seconds(), (all.done() / all.seconds()) / (base.done() / base.seconds()), 1000 * perSecond / (base.done() / base.seconds()));
		double ms = 1000.0 / 100 / Math.max(1, steps.lifecycles);
		System.out.printf("BENCH CPU per lifecycle: platform %.1f ms, PostgreSQL %.1f ms, wrk %.1f ms; machine idle %.0f%%%n", cpu.app() * ms, cpu.postgres() * ms,
				cpu.children() * ms, 100.0 * cpu.idle() / Math.max(1, cpu.total()));
		System.out.printf("BENCH JIT compiling during the run: %.1f s (%.1f ms per lifecycle)%n", jitDuring / 1000.0, (double) jitDuring / Math.max(1, steps.lifecycles));
		System.out.println("BENCH load average before the run " + loadBefore + ", after " + loadAfter);
		database.forEach(line -> System.out.println("BENCH " + line));
		// the floors: no lifecycle costs less than five of the cheapest requests plus the ticket's own statements
		double probeMs = 1000.0 / 100 * baseCpu.app() / Math.max(1, base.done());
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf("BENCH HTTP floor: the platform's CPU per liveness request %.3f ms (five requests %.2f ms)%n", probeMs, 5 * probeMs);
		System.out.printf("BENCH database floor (pgbench, only the ticket's statements in five transactions, %d connections): %.0f lifecycles/s alone; "
				+ "PostgreSQL %.2f ms, pgbench %.2f ms of CPU per lifecycle; machine idle %.0f%%%n", CLIENTS, floor.lifecyclesPerSecond(),
				floor.postgresMs(), floor.pgbenchMs(), 100 * floor.idle());
		System.out.printf("BENCH ceiling on %d cores from the two floors: %.0f lifecycles/s (%d × 1000 ms / (%.2f + %.2f ms)); measured %.1f/s%n", cores,
				cores * 1000 / (5 * probeMs + floor.postgresMs()), cores, 5 * probeMs, floor.postgresMs(), perSecond);
	}

	private FormSession signedIn(People.Staff staff) {
		FormSession session = FormSession.staff(url(""), staff);
		session.get("/workbench");
		if (session.csrfToken() == null) {
			throw new IllegalStateException("no CSRF token for " + staff.username());
		}
		return session;
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private long closed(String client) {
		return jdbc.sql("select count(*) from hotline_ticket where api_client = ? and status = 'CLOSED'").param(client).query(Long.class).single();
	}

	/**
	 * A year of a city hotline's tickets: types, categories, districts and urgencies in the demo's proportions, 88% closed
	 * (of which two in three rated), the rest replied, dispatched, returned or new; the submitter's name, phone and address
	 * are ciphertexts made by the data key (a thousand of each, so that every row decrypts), with the phone's blind index.
	 */
	private long seed(int count) {
		List<String> phones = IntStream.range(0, 1000).mapToObj(i -> String.format("1380571%04d", i)).toList();
		String[] phoneEnc = phones.stream().map(keys::encrypt).toArray(String[]::new);
		String[] phoneIdx = phones.stream().map(keys::blindIndex).toArray(String[]::new);
		String[] names = IntStream.range(0, 1000).mapToObj(i -> keys.encrypt("市民" + i)).toArray(String[]::new);
		String[] addresses = IntStream.range(0, 1000).mapToObj(i -> keys.encrypt("西湖区文三路 " + i + " 号")).toArray(String[]::new);
		long rows = jdbc.sql("""
				insert into hotline_ticket (id, number, token, type, category_code, urgency, channel, region_code, address, lat, lon,
				  description, contact_name, phone, phone_index, publish_consent, api_client, status, lead_department, dispatch_due,
				  dispatched_at, answer_due, replied_at, reply, closed_at, satisfaction, created_at, updated_at)
				select gen_random_uuid(), 'GD' || to_char(c at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(g::text, 7, '0'),
				  md5(g::text || random()::text),
				  (array['COMPLAINT','COMPLAINT','HELP','CONSULT','SUGGESTION','REPORT','COMPLAINT','HELP','PRAISE','CONSULT'])[1 + g % 10],
				  (array['CS0101','CS0102','CS0201','GY0101','SC0101','SC0201','RS0101','YL0101','JY0101','ZW0101'])[1 + (g / 7) % 10],
				  case when g % 50 = 0 then 'URGENT' else 'GENERAL' end,
				  (array['PHONE','PHONE','PHONE','WEB','OPEN311'])[1 + g % 5],
				  (array['330102','330105','330106','330108','330109','330110'])[1 + (g / 3) % 6],
				  (?::text[])[1 + g % 1000], 30.2 + (g % 1000) / 10000.0, 120.1 + (g % 997) / 10000.0,
				  '小区门口的路灯坏了已经三天，晚上走路不安全，请尽快修理。编号 ' || g,
				  (?::text[])[1 + (g / 11) % 1000], (?::text[])[1 + g % 1000], (?::text[])[1 + g % 1000],
				  g % 3 = 0, 'bench-seed',
				  case when r < 88 then 'CLOSED' when r < 92 then 'REPLIED' when r < 97 then 'DISPATCHED' when r < 99 then 'NEW' else 'RETURNED' end,
				  case when r < 97 then (array['XH-ZJ','XH-SCJG','XH-RLSB','XH-MZ'])[1 + g % 4] end,
				  c + interval '1 day', case when r < 97 then c + interval '2 hours' end, case when r < 97 then c + interval '5 days' end,
				  case when r < 92 then c + interval '3 days' end, case when r < 92 then '已安排工作人员现场处理完毕。' end,
				  case when r < 88 then c + interval '4 days' end,
				  case when r < 88 and g % 3 <> 0 then (array['SATISFIED','SATISFIED','SATISFIED','BASIC','UNSATISFIED'])[1 + g % 5] end,
				  c, c + interval '4 days'
				from (select g, ((g::bigint * 7919) % 100)::int as r,
				        now() - interval '1 day' - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' as c
				      from generate_series(1, ?) g) s""")
			.params(addresses, names, phoneEnc, phoneIdx, count)
			.update();
		jdbc.sql("""
				insert into hotline_ticket_event (ticket_id, at, action, actor, department, note, visible)
				select t.id, t.created_at + e.after, e.action, e.actor, case when e.action <> 'SUBMITTED' then t.lead_department end, e.note, true
				from hotline_ticket t
				join lateral (values ('SUBMITTED', interval '0', '12345', null::text, true),
				                     ('DISPATCHED', interval '2 hours', '话务员', '承办：' || t.lead_department, t.dispatched_at is not null),
				                     ('REPLIED', interval '3 days', '承办人', t.reply, t.replied_at is not null),
				                     ('CLOSED', interval '4 days', '话务员', '已办结', t.closed_at is not null)) e(action, after, actor, note, happened)
				  on e.happened
				where t.api_client = 'bench-seed'""").update();
		// vacuumed as a year-old table would be: else autovacuum's first pass over the million new rows (setting their
		// visibility bits) runs during the timed run or not, by chance (CPU per lifecycle 22 ms in one run, 33 in the next)
		jdbc.sql("vacuum (analyze) hotline_ticket").update();
		jdbc.sql("vacuum (analyze) hotline_ticket_event").update();
		return rows;
	}

	private static String loadAverage() throws IOException {
		String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return f[0] + " " + f[1] + " " + f[2];
	}

	private static double percentile(List<Double> values, int p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	/** What bench/lifecycle.lua wrote: each step's times (a file per wrk thread), the lifecycles and errors of every thread. */
	private record Steps(Map<String, List<Double>> times, long lifecycles, long errors, String lastError) {

		static Steps read(Path file) throws IOException {
			Map<String, List<Double>> times = new HashMap<>();
			long lifecycles = 0;
			long errors = 0;
			String last = "";
			List<String> lines = new ArrayList<>(Files.readAllLines(file));
			for (int thread = 1; thread <= CLIENTS; thread++) {
				Path perThread = Path.of(file + "." + thread);
				if (Files.exists(perThread)) {
					lines.addAll(Files.readAllLines(perThread));
				}
			}
			for (String line : lines) {
				String[] f = line.split(" ", 2);
				switch (f[0]) {
					case "lifecycles" -> lifecycles += Long.parseLong(f[1]);
					case "errors" -> errors += Long.parseLong(f[1]);
					case "last_error" -> last = "; last error: " + f[1];
					default -> times.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
				}
			}
			return new Steps(times, lifecycles, errors, last);
		}
	}
}
