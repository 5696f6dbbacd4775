package tongban.hall.payment;

import static tongban.hall.payment.PaymentStatus.AWAITING_CHOICE;
import static tongban.hall.payment.PaymentStatus.CANCELLED;
import static tongban.hall.payment.PaymentStatus.PAID;
import static tongban.hall.payment.PaymentStatus.REFUNDED;
import static tongban.hall.payment.PaymentStatus.UNPAID;

import tongban.shared.StateGraph;

/**
 * Every move a payment order may make and the event it publishes. A move not written here is refused as a conflict of
 * code {@code hall-payment-state}: a paid order is never paid again, a refunded one never refunded twice.
 */
public final class PaymentTransitions {

	public static final String CONFLICT_CODE = "hall-payment-state";

	public static final StateGraph<PaymentStatus> GRAPH = StateGraph.of(PaymentStatus.class)
		.edge(AWAITING_CHOICE, UNPAID, PaymentEvents.AmountChosen.class)
		.edge(UNPAID, PAID, PaymentEvents.OrderPaid.class)
		.edge(PAID, REFUNDED, PaymentEvents.OrderRefunded.class)
		.edge(UNPAID, CANCELLED, PaymentEvents.OrderCancelled.class)
		.edge(AWAITING_CHOICE, CANCELLED, PaymentEvents.OrderCancelled.class)
		.build(CONFLICT_CODE);

	private PaymentTransitions() {
	}
}
