package tongban.events.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tongban.kafka} (docs/cluster.md, "Events to Kafka").
 *
 * @param bootstrapServers the brokers (TONGBAN_KAFKA_BOOTSTRAP_SERVERS, else SPRING_KAFKA_BOOTSTRAP_SERVERS); empty: no
 *     events leave the platform and nothing else changes
 * @param maxBlock how long a send may wait for the broker's metadata or buffer space (TONGBAN_KAFKA_MAX_BLOCK, 5s)
 * @param deliveryTimeout how long a send may take until the broker acknowledged it, retries included
 *     (TONGBAN_KAFKA_DELIVERY_TIMEOUT, 30s)
 * @param resubmitEvery how often one node of the cluster resubmits the outbox (TONGBAN_KAFKA_RESUBMIT_EVERY, 30s)
 * @param resubmitAfter the age from which an unacknowledged publication is resubmitted (TONGBAN_KAFKA_RESUBMIT_AFTER,
 *     2m); longer than a send may take, so a send still under way is not sent twice
 * @param resubmitBatch how many publications one pass resubmits at most (TONGBAN_KAFKA_RESUBMIT_BATCH, 1000)
 * @param degradedAfter the age of the oldest unpublished event from which health says DEGRADED
 *     (TONGBAN_KAFKA_DEGRADED_AFTER, 5m)
 * @param degradedSize the outbox size from which health says DEGRADED (TONGBAN_KAFKA_DEGRADED_SIZE, 10000)
 */
@ConfigurationProperties("tongban.kafka")
public record EventsProperties(String bootstrapServers, Duration maxBlock, Duration deliveryTimeout, Duration resubmitEvery,
		Duration resubmitAfter, Integer resubmitBatch, Duration degradedAfter, Long degradedSize) {

	public EventsProperties {
		bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
		maxBlock = maxBlock == null ? Duration.ofSeconds(5) : maxBlock;
		deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(30) : deliveryTimeout;
		resubmitEvery = resubmitEvery == null ? Duration.ofSeconds(30) : resubmitEvery;
		resubmitAfter = resubmitAfter == null ? Duration.ofMinutes(2) : resubmitAfter;
		resubmitBatch = resubmitBatch == null || resubmitBatch < 1 ? 1000 : resubmitBatch;
		degradedAfter = degradedAfter == null ? Duration.ofMinutes(5) : degradedAfter;
		degradedSize = degradedSize == null || degradedSize < 1 ? 10_000L : degradedSize;
		if (!bootstrapServers.isEmpty() && resubmitAfter.compareTo(maxBlock.plus(deliveryTimeout)) <= 0) {
			throw new IllegalArgumentException("TONGBAN_KAFKA_RESUBMIT_AFTER (" + resubmitAfter + ") must be longer than TONGBAN_KAFKA_MAX_BLOCK ("
					+ maxBlock + ") plus TONGBAN_KAFKA_DELIVERY_TIMEOUT (" + deliveryTimeout + "), or a send still under way is sent twice");
		}
	}

	public boolean enabled() {
		return !bootstrapServers.isEmpty();
	}
}
