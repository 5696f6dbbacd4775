package tongban.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs several callers at the same moment, each on its own thread (as requests on several nodes would), released
 * together by a barrier; answers their results in order, or throws the first failure. For tests of what must hold
 * across nodes: locks, limits, numbers.
 */
public final class AtOnce {

	private AtOnce() {
	}

	public static <T> List<T> run(int callers, IntFunction<Callable<T>> caller) throws Exception {
		CyclicBarrier together = new CyclicBarrier(callers);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<T>> running = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Callable<T> call = caller.apply(i);
				running.add(pool.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					return call.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> call : running) {
				results.add(call.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
