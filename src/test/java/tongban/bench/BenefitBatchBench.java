package tongban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.Reader;
import tongban.exchange.RegisterScan;
import tongban.proactive.benefits.BatchRun;
import tongban.proactive.benefits.BenefitBatch;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.BenefitPolicy;
import tongban.shared.Clocks;
import tongban.shared.IdNumber;
import tongban.support.IntegrationTest;

/**
 * The 高龄津贴 batch over {@code bench.residents} synthetic residents of the population register (run by
 * {@code bench/benefits.sh}, not by the test suite). The residents are generated here as the register holds them:
 * each record's JSON encrypted with the platform's data keys and found by the keyed blind index of its ID number,
 * written 1,000 a statement. Born evenly 1940–2019, nine in ten with a 西湖区 household address. Then the demo
 * 高龄津贴 policy's batch reads every record through the register scan (each read written to exchange_access), tests
 * the conditions and writes a decision for each eligible resident; then runs again (deciding nothing new).
 */
class BenefitBatchBench extends IntegrationTest {

	@Autowired
	BenefitBatch batch;

	@Autowired
	BenefitPolicies policies;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JsonMapper json;

	@Autowired
	RegisterScan scan;

	@Test
	void elderlyAllowanceOverAMillionResidents() {
		int residents = Integer.getInteger("bench.residents", 1_000_000);
		LocalDate first = LocalDate.of(1940, 1, 1);
		int days = (int) (LocalDate.of(2020, 1, 1).toEpochDay() - first.toEpochDay());
		long start = System.nanoTime();
		List<Object[]> rows = new ArrayList<>(1000);
		for (int n = 0; n < residents; n++) {
			LocalDate born = first.plusDays(n % days);
			String first17 = "330106" + born.toString().replace("-", "") + String.format("%03d", 500 + n / days);
			String id = first17 + IdNumber.checkCharacter(first17);
			Map<String, String> values = new LinkedHashMap<>();
			values.put("name", "居民" + n);
			values.put("idNumber", id);
			values.put("gender", n % 2 == 0 ? "男" : "女");
			values.put("birthDate", born.toString());
			values.put("ethnicity", "汉族");
			values.put("householdAddress", (n % 10 == 0 ? "浙江省杭州市上城区" : "浙江省杭州市西湖区") + "基准路 " + (n % 500) + " 号");
			rows.add(new Object[] { keys.blindIndex(id), keys.encrypt(json.writeValueAsString(values)) });
			if (rows.size() == 1000) {
				write(rows);
			}
		}
		write(rows);
		jdbc.sql("analyze exchange_record").update();
		System.out.printf("BENCH generated %,d encrypted residents in XH-GA-RK in %.1f s%n", residents, (System.nanoTime() - start) / 1e9);

		BenefitPolicy policy = policies.byCode("GLJT").orElseThrow();
		long accessBefore = jdbc.sql("select count(*) from exchange_access").query(Long.class).single();
		System.gc();
		long heapBefore = heapUsed();
		resetPeaks();
		long t0 = System.nanoTime();
		BatchRun run = batch.run(policy, "bench", LocalDate.now(Clocks.ZONE).plusMonths(1));
		double seconds = (System.nanoTime() - t0) / 1e9;
		long peak = heapPeak();
		long recorded = jdbc.sql("select count(*) from exchange_access where case_number = ?").param("免申即享批次 " + run.id()).query(Long.class).single();
		System.out.printf("BENCH batch: read %,d records (%,d reads recorded, exchange_access +%,d), %,d eligible, %,d decided in %.1f s = %,.0f reads/s%n",
				run.read(), recorded, jdbc.sql("select count(*) from exchange_access").query(Long.class).single() - accessBefore, run.eligible(),
				run.granted(), seconds, run.read() / seconds);
		System.out.printf("BENCH heap: %,d MiB used before the batch, peak %,d MiB during it (all heap pools, whole JVM); max %,d MiB%n", heapBefore >> 20,
				peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		if (Boolean.getBoolean("bench.baseline")) {
			long[] seen = new long[1];
			long t2 = System.nanoTime();
			long read = scan.scan(new Reader("XH-MZ", BenefitBatch.SYSTEM, null, null), "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"),
					"基准", "bench-baseline", row -> seen[0]++);
			double baseline = (System.nanoTime() - t2) / 1e9;
			System.out.printf("BENCH baseline: the bare register scan (reads recorded, nothing decided) of %,d records in %.1f s = %,.0f reads/s; "
					+ "batch/baseline time ratio %.2f%n", read, baseline, read / baseline, seconds / baseline);
		}
		if (Boolean.getBoolean("bench.again")) {
			long t1 = System.nanoTime();
			BatchRun again = batch.run(policy, "bench", LocalDate.now(Clocks.ZONE).plusMonths(1));
			System.out.printf("BENCH again: read %,d, eligible %,d, decided %,d in %.1f s%n", again.read(), again.eligible(), again.granted(),
					(System.nanoTime() - t1) / 1e9);
		}
	}

	private void write(List<Object[]> rows) {
		template.batchUpdate("insert into exchange_record (resource_code, subject_index, data) values ('XH-GA-RK', ?, ?) on conflict do nothing", rows);
		rows.clear();
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
