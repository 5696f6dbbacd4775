package tongban.exchange.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per department system: {@code rate} calls a second on average, bursts up to one second's worth. In
 * memory: with several nodes each node allows the rate (configure rate / nodes, or move the buckets to Redis).
 */
@Component
public class RateLimits {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** Takes one call from the client's bucket; the seconds to wait when there is none (0 when allowed). */
	public long take(String clientId, int rate) {
		return buckets.computeIfAbsent(clientId, c -> new Bucket()).take(rate, System.nanoTime());
	}

	private static final class Bucket {

		private double tokens = -1;
		private long last;

		synchronized long take(int rate, long now) {
			if (tokens < 0) {
				tokens = rate;
				last = now;
			}
			tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) / rate);
		}
	}
}
