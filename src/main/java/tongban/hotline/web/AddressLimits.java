package tongban.hotline.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Limits per client address on the public 12345 pages, in memory per node:
 * <ul>
 * <li>{@link #follow}: ticket numbers are sequential, so "number + phone" must not be guessable by trying: after 10
 * failed lookups within 10 minutes, lookups from the address are refused until the window passes;</li>
 * <li>{@link #codes}: at most 5 SMS codes a 10 minutes from one address, so the form cannot be used to send text
 * messages to many numbers (each number also gets at most one a minute).</li>
 * </ul>
 */
@Component
class AddressLimits {

	final Window follow = new Window(10, Duration.ofMinutes(10));
	final Window codes = new Window(5, Duration.ofMinutes(10));

	static final class Window {

		final int max;
		private final long windowNanos;
		private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

		Window(int max, Duration window) {
			this.max = max;
			this.windowNanos = window.toNanos();
		}

		/** Whether the address has used up its allowance in the window. */
		boolean blocked(String address) {
			Deque<Long> d = events.get(address);
			if (d == null) {
				return false;
			}
			synchronized (d) {
				prune(d, System.nanoTime());
				return d.size() >= max;
			}
		}

		void count(String address) {
			long now = System.nanoTime();
			if (events.size() > 100_000) {
				events.clear();
			}
			Deque<Long> d = events.computeIfAbsent(address, a -> new ArrayDeque<>());
			synchronized (d) {
				prune(d, now);
				d.addLast(now);
			}
		}

		/** Forgets an address (an operator unblocking a caller's network, and tests). */
		void forget(String address) {
			events.remove(address);
		}

		private void prune(Deque<Long> d, long now) {
			while (!d.isEmpty() && now - d.peekFirst() > windowNanos) {
				d.pollFirst();
			}
		}
	}
}
