package tongban.events.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code kafka} in /actuator/health: UP while a broker answers and the outbox is small and young; DEGRADED (HTTP 200,
 * readiness untouched: the platform keeps serving, events wait in PostgreSQL) when no broker answers, the oldest
 * waiting event is older than {@code tongban.kafka.degraded-after} or more than {@code degraded-size} wait. The outbox
 * size and age are details, shown only to those allowed to see health details.
 */
class OutboxHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Kafka unreachable or events waiting in the outbox");

	private final Outbox outbox;
	private final BrokerProbe broker;
	private final EventsProperties properties;
	private final Clock clock;

	OutboxHealth(Outbox outbox, BrokerProbe broker, EventsProperties properties, Clock clock) {
		this.outbox = outbox;
		this.broker = broker;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Outbox.State state = outbox.state();
		boolean reachable = broker.reachable();
		Duration age = state.oldest() == null ? Duration.ZERO : Duration.between(state.oldest(), clock.instant());
		boolean degraded = !reachable || age.compareTo(properties.degradedAfter()) > 0 || state.size() >= properties.degradedSize();
		return Health.status(degraded ? DEGRADED : Status.UP)
			.withDetail("brokerReachable", reachable)
			.withDetail("outboxSize", state.size())
			.withDetail("oldestAgeSeconds", Math.max(0, age.toSeconds()))
			.build();
	}
}
