package tongban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.insight.anomalies.AnomalyScan;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;

/**
 * The anomaly rules over one day's reads with {@code bench.rows} read records stored (run by {@code bench/anomalies.sh},
 * not by the test suite). The records are generated in the bench database with generate_series: a year of reads by
 * 1,000 staff of the platform's departments over 200,000 people, 2 % at night, 1 % reveals, spread over
 * {@code bench.days} days (365), so that the scanned day (yesterday) holds about rows ÷ days reads; then yesterday is
 * scanned twice (the second finds the same hits, opens none).
 */
class AnomalyBench extends IntegrationTest {

	@Autowired
	AnomalyScan scan;

	@Test
	void scanADayAmongManyReads() {
		long rows = Long.getLong("bench.rows", 10_000_000L);
		int days = Integer.getInteger("bench.days", 365);
		LocalDate yesterday = LocalDate.now(Clocks.ZONE).minusDays(1);
		List<String> departments = jdbc.sql("select code from directory_department order by code limit 20").query(String.class).list();
		long start = System.nanoTime();
		jdbc.sql("""
				insert into exchange_access (at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
				  purpose, case_number, outcome)
				select (?::date - (g % ?) * interval '1 day')::timestamp at time zone 'Asia/Shanghai'
				    + case when g % 50 = 0 then interval '23 hours' else interval '8 hours' + ((g * 7919) % 36000) * interval '1 second' end,
				  md5((g % 200000)::text), 'XH-GA-RK', (?::text[])[((g % 1000) % ?) + 1], null, 'bench-' || (g % 1000), '员工' || (g % 1000),
				  '{name,idNumber}', '核验申请人身份', 'B' || (g % 50000), case when g % 100 = 1 then 'REVEALED' else 'SERVED' end
				from generate_series(1, ?) g""")
			.params(yesterday, days, departments.toArray(String[]::new), departments.size(), rows)
			.update();
		// the generated records are not sealed again into the audit trail: the sealer's head moves past them
		jdbc.sql("update exchange_seal_head set last_id = (select max(id) from exchange_access) where id = 1").update();
		jdbc.sql("analyze exchange_access").update();
		System.out.printf("BENCH generated %,d read records over %d days in %.1f s%n", rows, days, (System.nanoTime() - start) / 1e9);

		System.gc();
		long heapBefore = heapUsed();
		resetPeaks();
		long t0 = System.nanoTime();
		AnomalyScan.Result first = scan.scan(yesterday);
		double firstSeconds = (System.nanoTime() - t0) / 1e9;
		long peak = heapPeak();
		long t1 = System.nanoTime();
		AnomalyScan.Result second = scan.scan(yesterday);
		double secondSeconds = (System.nanoTime() - t1) / 1e9;
		System.out.printf("BENCH scan of %s: %,d staff reads, %,d hits (%,d opened) in %.1f s; again: %,d hits (%,d opened) in %.1f s%n", yesterday,
				first.reads(), first.hits(), first.opened(), firstSeconds, second.hits(), second.opened(), secondSeconds);
		System.out.printf("BENCH heap: %,d MiB used before the scan, peak %,d MiB during it (all heap pools, whole JVM); max %,d MiB%n",
				heapBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("BENCH database: exchange_access %s%n",
				jdbc.sql("select pg_size_pretty(pg_total_relation_size('exchange_access'))").query(String.class).single());
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long heapPeak() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum();
	}
}
