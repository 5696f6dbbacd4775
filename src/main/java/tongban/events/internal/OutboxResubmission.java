package tongban.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends again what the broker has not acknowledged: events published while it was down, and those a crashed node left
 * under way. One node of the cluster at a time ({@code events.resubmit}); only publications older than
 * {@code tongban.kafka.resubmit-after} (longer than any send may take), at most {@code resubmit-batch} per pass, and
 * none while no broker answers. Only the externaliser's publications: Modulith's {@code
 * resubmitIncompletePublicationsOlderThan} would also retry every other module's failed listener. Safe twice: a
 * publication is marked resubmitted before it is sent again, and a consumer may see one message twice at worst (the
 * same event id: delivery is at least once).
 */
class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications publications;
	private final BrokerProbe broker;
	private final EventsProperties properties;
	private final Clock clock;

	OutboxResubmission(IncompleteEventPublications publications, BrokerProbe broker, EventsProperties properties, Clock clock) {
		this.publications = publications;
		this.broker = broker;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tongban.kafka.resubmit-every:30s}", initialDelayString = "${tongban.kafka.resubmit-every:30s}")
	@SchedulerLock(name = "events.resubmit", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
	void resubmit() {
		if (!broker.reachable()) {
			log.debug("Kafka unreachable: the outbox waits");
			return;
		}
		Instant before = clock.instant().minus(properties.resubmitAfter());
		AtomicInteger taken = new AtomicInteger();
		publications.resubmitIncompletePublications(publication -> Outbox.holds(publication) && publication.getPublicationDate().isBefore(before)
				&& taken.incrementAndGet() <= properties.resubmitBatch());
		if (taken.get() > 0) {
			log.info("resubmitted {} events to Kafka", Math.min(taken.get(), properties.resubmitBatch()));
		}
	}
}
