package tongban.hotline.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Ticket numbers are sequential, so "number + phone" must not be guessable by trying: after {@link #MAX_FAILURES}
 * failed lookups from one address within {@link #WINDOW}, further lookups from it are refused until the window passes.
 * In memory, per node.
 */
@Component
class FollowLimiter {

	static final int MAX_FAILURES = 10;
	static final Duration WINDOW = Duration.ofMinutes(10);

	private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

	boolean blocked(String address) {
		Deque<Long> d = failures.get(address);
		if (d == null) {
			return false;
		}
		synchronized (d) {
			prune(d, System.nanoTime());
			return d.size() >= MAX_FAILURES;
		}
	}

	void failed(String address) {
		long now = System.nanoTime();
		if (failures.size() > 100_000) {
			failures.clear();
		}
		Deque<Long> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (d) {
			prune(d, now);
			d.addLast(now);
		}
	}

	/** Forgets an address's failures (an operator unblocking a caller's network, and tests). */
	void forget(String address) {
		failures.remove(address);
	}

	private static void prune(Deque<Long> d, long now) {
		while (!d.isEmpty() && now - d.peekFirst() > WINDOW.toNanos()) {
			d.pollFirst();
		}
	}
}
