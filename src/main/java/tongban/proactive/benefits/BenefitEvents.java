package tongban.proactive.benefits;

import java.util.UUID;

/** What happens to decisions, contests and payment orders; the status graphs' edges name these. */
public final class BenefitEvents {

	private BenefitEvents() {
	}

	/** The person confirmed an offered benefit. */
	public record BenefitConfirmed(UUID decisionId) {
	}

	/** Staff upheld a contest (and corrected the decision where they said so). */
	public record ContestUpheld(UUID contestId, UUID decisionId) {
	}

	/** Staff dismissed a contest with their reasons. */
	public record ContestDismissed(UUID contestId, UUID decisionId) {
	}

	/** A payment order was written; it is handed to the disbursement after its transaction commits. */
	public record PaymentOrdered(UUID orderId) {
	}

	/** The disbursement took the order. */
	public record PaymentHandedOver(UUID orderId) {
	}

	/** The disbursement (or staff recording its answer) reported the money paid. */
	public record PaymentPaid(UUID orderId) {
	}

	/** The disbursement refused the order or reported it failed. */
	public record PaymentFailed(UUID orderId) {
	}
}
