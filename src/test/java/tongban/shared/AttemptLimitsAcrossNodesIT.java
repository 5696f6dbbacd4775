package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.support.AtOnce;
import tongban.support.IntegrationTest;

/**
 * The limits of SMS codes, sign-in failures and 12345 follows count in PostgreSQL: two {@link AttemptLimits} (two
 * nodes), each caller in its own transaction, never let one key through more often than its limit.
 */
class AttemptLimitsAcrossNodesIT extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void twoNodesTogetherNeverPassTheLimit() throws Exception {
		AttemptLimits nodeA = new AttemptLimits(jdbc, keys);
		AttemptLimits nodeB = new AttemptLimits(jdbc, keys);
		AttemptLimits.Limit limit = new AttemptLimits.Limit("test-across-nodes", 3, Duration.ofMinutes(10));
		String key = "10.0.0." + UUID.randomUUID();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		AtomicInteger passed = new AtomicInteger();
		try {
			AtOnce.run(6, caller -> () -> {
				AttemptLimits node = caller % 2 == 0 ? nodeA : nodeB;
				for (int call = 0; call < 4; call++) {
					if (Boolean.TRUE.equals(tx.execute(status -> node.tryAcquire(limit, key).isEmpty()))) {
						passed.incrementAndGet();
					}
				}
				return null;
			});
		}
		finally {
			nodeA.forget(limit, key);
		}
		assertThat(passed).as("24 tries over two nodes, 3 allowed in ten minutes").hasValue(3);
	}
}
