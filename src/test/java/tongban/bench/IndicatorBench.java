package tongban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.CaseId;
import tongban.insight.indicators.BackfillRun;
import tongban.insight.indicators.IndicatorBackfill;
import tongban.insight.indicators.IndicatorCounting;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;

/**
 * Issue 18's indicators over many cases (run by bench/indicators.sh, not by the test suite): cases are generated in one
 * SQL statement from the catalogue's published items and their departments over the last 365 days; then (a) the
 * listener path (a case read through casework's API, its counters' difference added, its figures stored) is timed
 * from 4 threads against a plain one-row insert in its own transaction from 4 threads in the same run, and (b) the
 * backfill rebuilds the year, with the heap's peak.
 */
class IndicatorBench extends IntegrationTest {

	static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
	static final int EVENTS = Integer.getInteger("bench.events", 20_000);
	static final int THREADS = 4;

	@Autowired
	IndicatorCounting counting;

	@Autowired
	IndicatorBackfill backfill;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void indicators() throws Exception {
		long t0 = System.nanoTime();
		// each case: one of the published items (its department and the department's region), submitted on one of the last
		// 365 days; 60 % online, the rest at a counter (an intake visit each); 85 % concluded 0–14 days later, one in ten
		// of them after the due date (10 days after submission); one in twenty with two 补正 rounds
		jdbc.sql("""
				insert into casework_case (id, case_number, item_code, item_version, item_name, department_code, region_code, applicant_account_id,
				  applicant_name, party_kind, party_id, party_name, channel, status, submit_token, submitted_at, promised_date, concluded_at, outcome)
				with items as (
				  select row_number() over (order by i.code) - 1 as n, i.code, v.version_no, v.guide ->> 'name' as name,
				    v.guide ->> 'department' as department, left(d.region_code, 6) as region
				  from catalog_item i join catalog_item_version v on v.item_id = i.id and v.status = 'PUBLISHED'
				  join directory_department d on d.code = v.guide ->> 'department'),
				cases as (
				  select g, now() - ((g % 365) || ' days')::interval - ((g % 9) || ' hours')::interval as at, g % (select count(*) from items) as n
				  from generate_series(1, ?) g)
				select gen_random_uuid(), 'BENCH' || c.g, it.code, it.version_no, it.name, it.department, it.region, gen_random_uuid(), '压测申请人',
				  'CITIZEN', gen_random_uuid(), '压测申请人', case when c.g % 5 < 3 then 'ONLINE' else 'COUNTER' end,
				  case when c.g % 20 < 17 then 'CONCLUDED' else 'ACCEPTED' end, gen_random_uuid(), c.at, (c.at at time zone 'Asia/Shanghai')::date + 10,
				  case when c.g % 20 < 17 then least(c.at + ((case when c.g % 10 = 0 then 12 else c.g % 10 end) || ' days')::interval, now()) end,
				  case when c.g % 20 < 17 then 'APPROVED' end
				from cases c join items it on it.n = c.n""")
			.param(CASES)
			.update();
		jdbc.sql("insert into casework_visit (id, case_id, kind, at) select gen_random_uuid(), id, 'INTAKE', submitted_at from casework_case"
				+ " where case_number like 'BENCH%' and channel = 'COUNTER'").update();
		jdbc.sql("insert into casework_supplement (case_id, material_index, material_name, reason, requested_at, requested_by)"
				+ " select id, 0, '材料', '压测', submitted_at + (r || ' hours')::interval, '压测' from casework_case, generate_series(1, 2) r"
				+ " where case_number like 'BENCH%' and substring(case_number from 6)::int % 20 = 7").update();
		jdbc.sql("analyze casework_case").update();
		long total = jdbc.sql("select count(*) from casework_case where case_number like 'BENCH%'").query(Long.class).single();
		System.out.printf("BENCH cases=%d generated in %.1fs (with visits and supplements)%n", total, (System.nanoTime() - t0) / 1e9);

		// (a) the listener path against a plain insert, both from 4 threads, each call its own transaction
		jdbc.sql("create table if not exists bench_plain (id uuid primary key, at timestamptz not null default now())").update();
		List<UUID> ids = jdbc.sql("select id from casework_case where case_number like 'BENCH%' order by random() limit ?").param(EVENTS)
			.query(UUID.class).list();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		double plain = rate(ids, id -> tx.executeWithoutResult(s -> jdbc.sql("insert into bench_plain (id) values (?)").param(id).update()));
		double listener = rate(ids, id -> counting.countCase(CaseId.of(id)));
		double again = rate(ids, id -> counting.countCase(CaseId.of(id)));
		System.out.printf("BENCH baseline: plain one-row insert, own transaction, %d threads: %.0f/s%n", THREADS, plain);
		System.out.printf("BENCH listener path (case read + difference added + figures stored), %d cases, %d threads: %.0f events/s"
				+ " (%.2f × the plain insert)%n", ids.size(), THREADS, listener, listener / plain);
		System.out.printf("BENCH listener path, the same events redelivered (nothing to add): %.0f events/s%n", again);

		// (b) the backfill of the year, heap peak measured around it
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
		System.gc();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long usedBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		long b0 = System.nanoTime();
		BackfillRun run = backfill.rebuild(today.minusDays(364), today);
		double seconds = (System.nanoTime() - b0) / 1e9;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		long facts = jdbc.sql("select count(*) from insight_counted_fact").query(Long.class).single();
		String sizes = jdbc.sql("select pg_size_pretty(pg_total_relation_size('insight_counted_fact')) || ' counted facts, '"
				+ " || pg_size_pretty(pg_total_relation_size('insight_daily')) || ' daily'").query(String.class).single();
		System.out.printf("BENCH backfill of 365 days: %s, %d facts, %d daily rows in %.1fs (%.0f facts/s); heap before %d MiB, peak %d MiB"
				+ " (sum of heap pools' peaks, -Xmx %d MiB); tables %s; facts stored %d%n", run.status(), run.facts(), run.rows(), seconds,
				run.facts() / seconds, usedBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, sizes, facts);
		System.out.printf("BENCH extrapolated to 1,000,000 cases (linear in facts): %.0fs%n", seconds * 1_000_000 / Math.max(1, total));
	}

	interface Step {
		void run(UUID id);
	}

	private static double rate(List<UUID> ids, Step step) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		long t0 = System.nanoTime();
		for (int t = 0; t < THREADS; t++) {
			pool.execute(() -> {
				for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
					step.run(ids.get(i));
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		return ids.size() / ((System.nanoTime() - t0) / 1e9);
	}
}
