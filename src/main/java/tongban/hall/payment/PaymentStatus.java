package tongban.hall.payment;

/**
 * Where a payment order is. The moves between these, and the event each publishes, are written once in
 * {@link PaymentTransitions}.
 */
public enum PaymentStatus {
	/** The item names several amounts: the applicant or the clerk chooses which applies before paying. */
	AWAITING_CHOICE,
	UNPAID,
	PAID,
	/** Paid, then given back through the gateway (the case was withdrawn or not granted). */
	REFUNDED,
	/** Never paid and no longer due (the case ended without a decision to grant). */
	CANCELLED;

	/** Whether the person still has to pay (or choose the amount first). */
	public boolean due() {
		return this == AWAITING_CHOICE || this == UNPAID;
	}
}
