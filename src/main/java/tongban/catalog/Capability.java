package tongban.catalog;

import java.util.function.Predicate;

/**
 * 便民服务 a guide may advertise beside its handling information. The catalogue records what an item's department says
 * it offers ({@link ServiceGuide#appointment()} …), but a badge is a promise: it is shown only when a module of the
 * platform really provides the service for that item (see {@link CapabilityProvider}), so 可预约 appears once
 * appointments exist, not because the department ticked a box.
 */
public enum Capability {

	/** 可预约: booking a visit to a counter. */
	APPOINTMENT("item.appointment", ServiceGuide::appointment),
	/** 可快递送达: the result reaches the applicant by post. */
	DELIVERY("item.delivery", ServiceGuide::delivery),
	/** 可网上缴费: fees paid online. */
	ONLINE_PAYMENT("item.onlinePayment", ServiceGuide::onlinePayment),
	/** 可自助办理: a self-service kiosk handles the item. */
	SELF_SERVICE("item.selfService", ServiceGuide::selfService);

	private final String messageKey;
	private final Predicate<ServiceGuide> claimed;

	Capability(String messageKey, Predicate<ServiceGuide> claimed) {
		this.messageKey = messageKey;
		this.claimed = claimed;
	}

	/** The badge's text in messages*.properties. */
	public String messageKey() {
		return messageKey;
	}

	/** Whether the item's catalogue entry says its department offers this. */
	public boolean claimedBy(ServiceGuide guide) {
		return claimed.test(guide);
	}
}
