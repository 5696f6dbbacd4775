package tongban.hall.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A carrier's tracking service: the statuses of a parcel so far. A real carrier (EMS, 顺丰 …) is an adapter over its
 * tracking API; the demo carrier ({@code internal.DemoCarrier}) advances by the clock. The carrier names are those
 * staff choose from at 送达 ({@code casework.PostalDelivery.CARRIERS}), which also checks each tracking number's form.
 */
public interface Carrier {

	/** Whether this adapter follows the parcels of the named carrier. */
	boolean follows(String carrierName);

	/** What the carrier reports about the parcel so far, oldest first ({@code postedAt}: when it was recorded). */
	List<Report> track(String carrierName, String trackingNumber, Instant postedAt);

	/** Whether the statuses are made up rather than the carrier's (the demo carrier's are): pages then say so. */
	default boolean simulated() {
		return false;
	}

	/** One status the carrier reported and when it happened. */
	record Report(ShipmentStatus status, Instant at) {
	}
}
