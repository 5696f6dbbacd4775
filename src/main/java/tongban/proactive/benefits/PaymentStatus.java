package tongban.proactive.benefits;

import tongban.shared.StateGraph;

/**
 * A payment order's way to the money: written (CREATED) in the decision's transaction, handed to the disbursement after
 * that commits, then paid or failed as the disbursement (the finance bureau's system) reports.
 */
public enum PaymentStatus {
	CREATED,
	HANDED_OVER,
	PAID,
	FAILED;

	public static final StateGraph<PaymentStatus> GRAPH = StateGraph.of(PaymentStatus.class)
		.edge(CREATED, HANDED_OVER, BenefitEvents.PaymentHandedOver.class)
		.edge(CREATED, FAILED, BenefitEvents.PaymentFailed.class)
		.edge(HANDED_OVER, PAID, BenefitEvents.PaymentPaid.class)
		.edge(HANDED_OVER, FAILED, BenefitEvents.PaymentFailed.class)
		.build("proactive-payment-moved");
}
