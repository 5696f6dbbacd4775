package tongban.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where a posted result is on its way, for the applicant's case page. Casework owns the port (as it owns
 * {@link LicenceWallet}) because the case page shows it; the module that follows parcels with the carriers implements
 * it, so casework does not depend on it. Without an implementation the page shows the carrier and tracking number
 * from the timeline only.
 */
public interface ShipmentTracking {

	/** The parcel of a case's result, if the result was posted and is being followed. */
	Optional<Tracked> tracking(CaseId caseId);

	/**
	 * A parcel: carrier, tracking number, whether it was signed for, each status in the order it happened, and whether
	 * those statuses are simulated (a demo's carrier: the page says that no parcel really moves).
	 */
	record Tracked(String carrier, String trackingNumber, boolean received, List<Step> steps, boolean simulated) {
	}

	/** One status of the parcel as the carrier reported it: its words are the message {@code statusKey} (已揽收 …). */
	record Step(String statusKey, OffsetDateTime at) {
	}
}
