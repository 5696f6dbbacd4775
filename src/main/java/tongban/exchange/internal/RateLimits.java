package tongban.exchange.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.stereotype.Component;

/**
 * A token bucket per department system: {@code rate} calls a second on average, bursts up to one second's worth. The
 * bucket lives in PostgreSQL ({@code exchange_rate_bucket}, Bucket4j's select-for-update backend), so every node draws
 * from the same one and a cluster of N nodes still allows the rate, not N times it (docs/decisions/0044).
 */
@Component
public class RateLimits {

	private final ProxyManager<String> buckets;

	RateLimits(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("exchange_rate_bucket")
			.idColumn("id")
			.stateColumn("state")
			.build();
	}

	/** Takes one call from the client's bucket; the whole seconds to wait when there is none (0 when allowed). */
	public long take(String clientId, int rate) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)).build())
			.build();
		// the rate is part of the key: a client given another rate starts a fresh bucket
		ConsumptionProbe probe = buckets.builder().build(clientId + ":" + rate, () -> configuration).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return 0;
		}
		return Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
	}
}
