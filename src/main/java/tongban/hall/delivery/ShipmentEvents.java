package tongban.hall.delivery;

import java.util.UUID;

import tongban.casework.CaseId;

/** The facts of a parcel's way, one per edge of {@link ShipmentStatus#GRAPH}. */
public final class ShipmentEvents {

	private ShipmentEvents() {
	}

	/** 已揽收. */
	public record ParcelCollected(UUID shipmentId, CaseId caseId) {
	}

	/** 运输中. */
	public record ParcelInTransit(UUID shipmentId, CaseId caseId) {
	}

	/** 派送中. */
	public record ParcelOutForDelivery(UUID shipmentId, CaseId caseId) {
	}

	/** 已签收. */
	public record ParcelSigned(UUID shipmentId, CaseId caseId) {
	}

	/** The event of a move into {@code to}. */
	static Object of(ShipmentStatus to, UUID shipmentId, CaseId caseId) {
		return switch (to) {
			case COLLECTED -> new ParcelCollected(shipmentId, caseId);
			case IN_TRANSIT -> new ParcelInTransit(shipmentId, caseId);
			case OUT_FOR_DELIVERY -> new ParcelOutForDelivery(shipmentId, caseId);
			case SIGNED -> new ParcelSigned(shipmentId, caseId);
			case POSTED -> throw new IllegalArgumentException("nothing moves into POSTED");
		};
	}
}
