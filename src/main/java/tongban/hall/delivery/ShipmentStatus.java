package tongban.hall.delivery;

import tongban.shared.StateGraph;

/**
 * Where a posted result is: recorded at 送达, then as the carrier reports it, 已揽收 → 运输中 → 派送中 → 已签收. Each move
 * is an edge of {@link #GRAPH} naming the event it publishes; a carrier's report that skips a status is walked through
 * the statuses in between at the report's time.
 */
public enum ShipmentStatus {

	/** Recorded at 送达 with carrier and tracking number; the carrier has not reported it yet. */
	POSTED,
	/** 已揽收. */
	COLLECTED,
	/** 运输中. */
	IN_TRANSIT,
	/** 派送中. */
	OUT_FOR_DELIVERY,
	/** 已签收: the person has the result. */
	SIGNED;

	public static final StateGraph<ShipmentStatus> GRAPH = StateGraph.of(ShipmentStatus.class)
		.edge(POSTED, COLLECTED, ShipmentEvents.ParcelCollected.class)
		.edge(COLLECTED, IN_TRANSIT, ShipmentEvents.ParcelInTransit.class)
		.edge(IN_TRANSIT, OUT_FOR_DELIVERY, ShipmentEvents.ParcelOutForDelivery.class)
		.edge(OUT_FOR_DELIVERY, SIGNED, ShipmentEvents.ParcelSigned.class)
		.build("shipment-moved-on");

	/** The words shown to the person (messages*.properties). */
	public String messageKey() {
		return "hall.delivery.status." + name();
	}
}
