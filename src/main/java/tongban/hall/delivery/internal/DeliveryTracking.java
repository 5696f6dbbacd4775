package tongban.hall.delivery.internal;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.casework.CaseId;
import tongban.casework.ResultPosted;
import tongban.casework.ShipmentTracking;
import tongban.hall.delivery.Shipments;

/**
 * Hall's side of 邮寄送达: follows every result casework posts (after its 送达 commits), polls the carriers on a
 * schedule, and answers casework's case page about where the parcel is.
 */
@Component
class DeliveryTracking implements ShipmentTracking {

	private final Shipments shipments;

	DeliveryTracking(Shipments shipments) {
		this.shipments = shipments;
	}

	@ApplicationModuleListener
	void on(ResultPosted posted) {
		shipments.record(posted);
	}

	/** Every few minutes (by default five): safe to run twice, each status is stored once and each message sent once. */
	@Scheduled(fixedDelayString = "${tongban.hall.delivery.poll-interval:5m}", initialDelayString = "${tongban.hall.delivery.poll-interval:5m}")
	@SchedulerLock(name = "hall.delivery-tracking", lockAtMostFor = "PT15M", lockAtLeastFor = "PT4M")
	void poll() {
		shipments.poll();
	}

	@Override
	public Optional<Tracked> tracking(CaseId caseId) {
		return shipments.ofCase(caseId)
			.map(s -> new Tracked(s.carrier(), s.trackingNumber(), s.receivedAt() != null, shipments.steps(s.id()),
					shipments.simulated(s.carrier())));
	}
}
