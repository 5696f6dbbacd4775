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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.internal.RateLimits;
import tongban.support.IntegrationTest;

/**
 * The cost of the exchange API's rate limit per call (issue 21, part schedule): the cluster-wide bucket in PostgreSQL
 * (Bucket4j, select for update) against the in-memory bucket it replaced, in the same run. Rates are high enough that
 * every call is allowed, so each call pays the full take. Scenarios: one thread (latency), then several threads over
 * fifty clients, then several threads on one client (one bucket row, the worst case). Run by bench/ratelimits.sh.
 */
class RateLimitBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 5);
	static final int THREADS = Integer.getInteger("bench.clients", 8);

	@Autowired
	RateLimits cluster;

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
		MemoryBuckets memory = new MemoryBuckets();
		String run = Long.toString(System.currentTimeMillis(), 36);
		// warm-up of both
		measure("warm-up", cluster::take, 2, 2, thread -> "bench-" + run + "-w" + thread);
		measure("warm-up", memory::take, 2, 2, thread -> "bench-" + run + "-w" + thread);
		for (int threads : new int[] { 1, THREADS }) {
			double base = measure("memory, " + threads + " threads, 50 clients", memory::take, threads, SECONDS, thread -> "m" + thread % 50);
			double pg = measure("postgres, " + threads + " threads, 50 clients", cluster::take, threads, SECONDS,
					thread -> "bench-" + run + "-" + threads + "-" + thread % 50);
			System.out.printf("BENCH ratio postgres/memory calls/s, %d threads: %.4f%n", threads, pg / base);
		}
		double hot = measure("postgres, " + THREADS + " threads, one client (one row)", cluster::take, THREADS, SECONDS, thread -> "bench-" + run + "-hot");
		double hotMemory = measure("memory, " + THREADS + " threads, one client", memory::take, THREADS, SECONDS, thread -> "hot");
		System.out.printf("BENCH ratio postgres/memory calls/s, one client: %.4f%n", hot / hotMemory);
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
						if (limits.take(clientOf.apply(thread + threads * (i++ % 7)), 1_000_000) > 0) {
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
