package tongban.hall.payment;

import java.util.UUID;

/** Facts about payment orders, one per edge of {@link PaymentTransitions}. */
public final class PaymentEvents {

	private PaymentEvents() {
	}

	/** The applicant or clerk chose which of the item's amounts applies. */
	public record AmountChosen(UUID orderId, String noticeNumber, long amountFen) {
	}

	/** The gateway's signed callback confirmed the payment. */
	public record OrderPaid(UUID orderId, String noticeNumber, UUID caseId, long amountFen) {
	}

	/** The gateway gave the money back. */
	public record OrderRefunded(UUID orderId, String noticeNumber, UUID caseId, long amountFen) {
	}

	/** The order is no longer due (its case ended unpaid). */
	public record OrderCancelled(UUID orderId, String noticeNumber, UUID caseId) {
	}
}
