package tongban.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.internal.RateLimits;
import tongban.support.IntegrationTest;

/**
 * The cost of the exchange API's rate limit per call (issue 21, part schedule), in the same run: the cluster-wide
 * bucket in PostgreSQL ({@link RateLimits}, one upsert), Bucket4j's PostgreSQL bucket (select for update, the
 * alternative measured for ADR 0044), and the in-memory bucket the API had before. Rates are high enough that
 * every call is allowed, so each call pays the full take. Scenarios: one thread (latency), then several threads over
 * fifty clients, then several threads on one client (one bucket row, the worst case). Run by bench/ratelimits.sh.
 */
class RateLimitBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 5);
	static final int THREADS = Integer.getInteger("bench.clients", 8);

	@Autowired
	RateLimits cluster;

	@Autowired
	DataSource dataSource;

	/** Bucket4j's PostgreSQL backend with the same bucket: rate a second, bursts of one second's worth. */
	static final class Bucket4jBuckets {

		private final ProxyManager<String> buckets;

		Bucket4jBuckets(DataSource dataSource) {
			this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("bench_bucket4j")
				.idColumn("id")
				.stateColumn("state")
				.build();
		}

		long take(String clientId, int rate) {
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)).build())
				.build();
			ConsumptionProbe probe = buckets.builder().build(clientId + ":" + rate, () -> configuration).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		}
	}

	/** The bucket the exchange API had before, per node in memory (the same-run baseline). */
	static final class MemoryBuckets {

		private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

		long take(String clientId, int rate) {
			double[] bucket = buckets.computeIfAbsent(clientId, c -> new double[] { -1, 0 });
			synchronized (bucket) {
				long now = System.nanoTime();
				if (bucket[0] < 0) {
					bucket[0] = rate;
					bucket[1] = now;
				}
				bucket[0] = Math.min(rate, bucket[0] + (now - bucket[1]) / 1e9 * rate);
				bucket[1] = now;
				if (bucket[0] >= 1) {
					bucket[0] -= 1;
					return 0;
				}
				return (long) Math.ceil((1 - bucket[0]) / rate);
			}
		}
	}

	interface Take {
		long take(String clientId, int rate);
	}

	@Test
	void costPerCall() throws Exception {
		jdbc.sql("create table if not exists bench_bucket4j (id varchar(200) primary key, state bytea)").update();
		MemoryBuckets memory = new MemoryBuckets();
		Bucket4jBuckets bucket4j = new Bucket4jBuckets(dataSource);
		String run = Long.toString(System.currentTimeMillis(), 36);
		try {
			measure("warm-up", cluster::take, 2, 2, thread -> "bench-" + run + "-w" + thread);
			measure("warm-up", bucket4j::take, 2, 2, thread -> "bench-" + run + "-w" + thread);
			measure("warm-up", memory::take, 2, 2, thread -> "bench-" + run + "-w" + thread);
			for (int threads : new int[] { 1, THREADS }) {
				int n = threads;
				double base = measure("memory, " + n + " threads, 50 clients", memory::take, n, SECONDS, thread -> "m" + thread % 50);
				double ours = measure("one upsert, " + n + " threads, 50 clients", cluster::take, n, SECONDS, thread -> "bench-" + run + "-" + n + "-" + thread % 50);
				double b4j = measure("bucket4j, " + n + " threads, 50 clients", bucket4j::take, n, SECONDS, thread -> "bench-" + run + "-" + n + "-" + thread % 50);
				System.out.printf("BENCH ratio calls/s, %d threads: one upsert/memory %.5f, bucket4j/memory %.5f, one upsert/bucket4j %.2f%n", n, ours / base,
						b4j / base, ours / b4j);
			}
			double ours = measure("one upsert, " + THREADS + " threads, one client (one row)", cluster::take, THREADS, SECONDS, thread -> "bench-" + run + "-hot");
			double b4j = measure("bucket4j, " + THREADS + " threads, one client (one row)", bucket4j::take, THREADS, SECONDS, thread -> "bench-" + run + "-hot");
			System.out.printf("BENCH ratio calls/s, one client: one upsert/bucket4j %.2f%n", ours / b4j);
		}
		finally {
			jdbc.sql("drop table if exists bench_bucket4j").update();
			jdbc.sql("delete from exchange_rate_bucket where id like 'bench-%'").update();
		}
	}

	/** Calls per second over the scenario; prints them with the mean time per call. */
	private static double measure(String name, Take limits, int threads, int seconds, IntFunction<String> clientOf) throws Exception {
		AtomicLong calls = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				workers.add(pool.submit(() -> {
					int i = 0;
					while (System.nanoTime() < end) {
						if (limits.take(clientOf.apply(thread + threads * (i++ % 7)), 100_000_000) > 0) {
							refused.incrementAndGet();
						}
						calls.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		double perSecond = calls.get() / elapsed;
		System.out.printf("BENCH %s: %,.0f calls/s, %.1f µs per call per thread, %d refused%n", name, perSecond, threads * 1e6 / perSecond,
				refused.get());
		return perSecond;
	}
}
