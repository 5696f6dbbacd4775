package tongban.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;


import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tongban.catalog.CatalogManagement;
import tongban.shared.DataKeys;
import tongban.support.IntegrationTest;

/**
 * Case submissions through the HTTP API, each starting its process (run by bench/cases.sh, not by the test suite):
 * throughput and p50/p99 at a fixed number of clients for a duration, beside a bare Flowable process start plus one
 * insert measured the same way in the same run; heap and process starts caught up at the end. Prints figures only.
 */
class CaseBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 60);
	static final int CLIENTS = Integer.getInteger("bench.clients", 32);
	static final int DRAFTS = Integer.getInteger("bench.drafts", 30_000);
	static final String ITEM = "330106-GG-0001-02"; // 社会保障卡挂失与补领: 即办件, no required upload

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	RuntimeService runtime;

	@Autowired
	CatalogManagement catalog;

	record Figures(int done, int errors, double seconds, long p50, long p99) {

		String line(String what) {
			return String.format("%s: %d in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d", what, done, seconds, done / seconds,
					p50 / 1e6, p99 / 1e6, errors);
		}
	}

	interface Call {
		boolean run(int i) throws Exception;
	}

	/** Runs the call from {@code clients} virtual threads until the time is up (or the work runs out). */
	static Figures load(int clients, int seconds, int limit, Call call) throws InterruptedException {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long t0 = System.nanoTime();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				pool.submit(() -> {
					int i;
					while (System.nanoTime() < end && (i = next.getAndIncrement()) < limit) {
						long s = System.nanoTime();
						try {
							if (!call.run(i)) {
								errors.incrementAndGet();
							}
						}
						catch (Exception e) {
							errors.incrementAndGet();
						}
						latencies.add(System.nanoTime() - s);
					}
				});
			}
		}
		double took = (System.nanoTime() - t0) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Figures(sorted.size() - errors.get(), errors.get(), took, sorted.get(sorted.size() / 2),
				sorted.get((int) (sorted.size() * 0.99)));
	}

	@Test
	void submissions() throws Exception {
		Citizen me = newCitizen("压测申请人", 2);
		long p0 = System.nanoTime();
		List<UUID[]> drafts = drafts(jdbcTemplate, catalog, keys, me, DRAFTS);
		System.out.printf("BENCH drafts=%d prepared in %.1fs%n", DRAFTS, (System.nanoTime() - p0) / 1e9);

		String bearer = "Bearer " + accessToken(me.id(), "cases.read", "cases.write");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

		// baseline: a bare process start of the same template plus one insert, same clients, a third of the time
		jdbcTemplate.execute("create table if not exists bench_baseline (id uuid primary key, at timestamptz default now())");
		Figures base = load(CLIENTS, Math.max(10, SECONDS / 3), Integer.MAX_VALUE, i -> {
			runtime.startProcessInstanceByKey("case-immediate", UUID.randomUUID().toString(),
					Map.of("caseId", UUID.randomUUID().toString(), "department", "XH-RLSB", "reviewDepartments", List.of("XH-RLSB")));
			jdbcTemplate.update("insert into bench_baseline (id) values (?)", UUID.randomUUID());
			return true;
		});
		System.out.println("BENCH " + base.line("baseline (Flowable start + insert)"));

		var memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		long startsBefore = runtime.createProcessInstanceQuery().processDefinitionKey("case-immediate").count();
		Figures sub = load(CLIENTS, SECONDS, DRAFTS, i -> {
			UUID[] d = drafts.get(i);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/cases/" + d[0] + "/submission")))
				.header("Authorization", bearer).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + d[1] + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200;
		});
		System.out.println("BENCH " + sub.line("submissions through POST /api/cases/{id}/submission"));
		System.out.printf("BENCH ratio to baseline: throughput %.2f, p99 %.2f%n", (sub.done() / sub.seconds()) / (base.done() / base.seconds()),
				(double) sub.p99() / base.p99());
		long t1 = System.nanoTime();
		long expected = startsBefore + sub.done();
		while (runtime.createProcessInstanceQuery().processDefinitionKey("case-immediate").count() < expected
				&& System.nanoTime() - t1 < 120_000_000_000L) {
			Thread.sleep(200);
		}
		long started = runtime.createProcessInstanceQuery().processDefinitionKey("case-immediate").count() - startsBefore;
		System.gc();
		long heapAfter = memory.getHeapMemoryUsage().getUsed();
		System.out.printf("BENCH processes started for the submissions: %d of %d, caught up %.1f s after the load%n", started,
				sub.done(), (System.nanoTime() - t1) / 1e9);
		System.out.printf("BENCH heap after GC: %d MiB before, %d MiB after; RSS %s%n", heapBefore >> 20, heapAfter >> 20, rss());
	}

	/** Drafts of {@link #ITEM} ready to submit for {@code me}, written by SQL: each its id and submit token. */
	static List<UUID[]> drafts(JdbcTemplate jdbcTemplate, CatalogManagement catalog, DataKeys keys, Citizen me, int count) {
		var item = catalog.published(ITEM).orElseThrow();
		String values = "{\"name\":\"" + me.name() + "\",\"idNumber\":\"" + me.idNumber()
				+ "\",\"phone\":\"13300012345\",\"reason\":\"信息变更\",\"delivery\":\"窗口领取\"}";
		List<UUID[]> drafts = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			UUID token = UUID.randomUUID();
			drafts.add(new UUID[] { id, token });
			rows.add(new Object[] { id, ITEM, item.version(), item.guide().name(), item.guide().department(), "330106", me.id(),
					me.name(), "CITIZEN", me.id(), me.name(), keys.encrypt(values), token });
		}
		jdbcTemplate.batchUpdate("""
				insert into casework_case (id, item_code, item_version, item_name, department_code, region_code, applicant_account_id,
				  applicant_name, party_kind, party_id, party_name, status, form_values, submit_token)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""", rows);
		return drafts;
	}

	static String rss() {
		try {
			return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
				.filter(l -> l.startsWith("VmRSS")).map(l -> Arrays.stream(l.split("\\s+")).skip(1).findFirst().orElse("?"))
				.map(kb -> Long.parseLong(kb) / 1024 + " MiB").findFirst().orElse("?");
		}
		catch (java.io.IOException e) {
			return "?";
		}
	}

}
