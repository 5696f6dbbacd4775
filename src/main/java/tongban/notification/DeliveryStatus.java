package tongban.notification;

import tongban.shared.StateGraph;

/**
 * Where one e-mail or SMS stands, after GOV.UK Notify's statuses: {@code CREATED} while it waits in the queue (tried
 * again after a temporary refusal), {@code SENDING} once the SMS centre took it and its delivery receipt is awaited,
 * {@code SENT} when it was handed over and no receipt will come (an e-mail accepted by the mail server, an SMS kept by
 * the demo outbox), {@code DELIVERED} when the carrier confirmed it reached the phone, {@code FAILED} with the reason
 * the carrier or the mail server gave. Every move is a row of {@code notification_delivery_status}.
 */
public enum DeliveryStatus {
	CREATED, SENDING, SENT, DELIVERED, FAILED;

	/** Refused for now (the carrier or mail server is down, or throttled): tried again later. */
	public record DeliveryRetried(long deliveryId) {
	}

	/** The SMS centre accepted the message; its delivery receipt is awaited. */
	public record DeliveryHandedOver(long deliveryId) {
	}

	/** Handed over where no receipt will come. */
	public record DeliverySent(long deliveryId) {
	}

	/** The carrier's receipt says the message reached the phone. */
	public record DeliveryConfirmed(long deliveryId) {
	}

	/** Refused for good, given up after the last try, or reported undeliverable by the carrier. */
	public record DeliveryFailed(long deliveryId) {
	}

	/** A sent e-mail came back as a bounce. */
	public record DeliveryBounced(long deliveryId) {
	}

	public static final StateGraph<DeliveryStatus> GRAPH = StateGraph.of(DeliveryStatus.class)
		.edge(CREATED, CREATED, DeliveryRetried.class)
		.edge(CREATED, SENDING, DeliveryHandedOver.class)
		.edge(CREATED, SENT, DeliverySent.class)
		.edge(CREATED, FAILED, DeliveryFailed.class)
		.edge(SENDING, DELIVERED, DeliveryConfirmed.class)
		.edge(SENDING, FAILED, DeliveryFailed.class)
		.edge(SENT, FAILED, DeliveryBounced.class)
		.build("notification-delivery-state");

	/** How the status reads to a person. */
	public String label() {
		return switch (this) {
			case CREATED -> "等待发送";
			case SENDING -> "已发出，等待送达回执";
			case SENT -> "已发送";
			case DELIVERED -> "已送达";
			case FAILED -> "发送失败";
		};
	}
}
