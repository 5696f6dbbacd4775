package tongban.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tongban.support.AtOnce;
import tongban.support.IntegrationTest;

/**
 * The exchange API's per-client bucket holds across nodes: two {@link RateLimits} (two nodes), called at once on
 * several connections, serve one client from one bucket. Were the buckets in each node's memory, the two would allow
 * twice the burst.
 */
class RateLimitsAcrossNodesIT extends IntegrationTest {

	@Test
	void twoNodesTogetherAllowNoMoreThanTheClientsRate() throws Exception {
		RateLimits nodeA = new RateLimits(jdbc);
		RateLimits nodeB = new RateLimits(jdbc);
		String client = "test-" + UUID.randomUUID();
		int rate = 5;
		AtomicInteger allowed = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		long start = System.nanoTime();
		AtOnce.run(8, caller -> () -> {
			RateLimits node = caller % 2 == 0 ? nodeA : nodeB;
			for (int call = 0; call < 15; call++) {
				long wait = node.take(client, rate);
				(wait == 0 ? allowed : refused).incrementAndGet();
				if (wait > 0) {
					assertThat(wait).as("Retry-After in whole seconds").isEqualTo(1);
				}
			}
			return null;
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		// the burst (5) plus what the elapsed time refilled (5 a second), never per node
		assertThat(allowed.get()).as("allowed in %.2f s", seconds).isGreaterThanOrEqualTo(rate).isLessThanOrEqualTo(rate + (int) Math.ceil(seconds * rate));
		assertThat(allowed.get() + refused.get()).isEqualTo(120);
	}

	@Test
	void aChangedRateStartsAFreshBucket() {
		RateLimits node = new RateLimits(jdbc);
		String client = "test-" + UUID.randomUUID();
		assertThat(node.take(client, 1)).isZero();
		assertThat(node.take(client, 1)).isEqualTo(1);
		assertThat(node.take(client, 2)).isZero();
	}
}
