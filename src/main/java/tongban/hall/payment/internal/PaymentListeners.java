package tongban.hall.payment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents.CaseConcluded;
import tongban.casework.CaseSubmitted;
import tongban.hall.payment.PaymentOrders;

/** Payment orders follow their cases, after the case's transaction commits. */
@Component
class PaymentListeners {

	private final PaymentOrders orders;

	PaymentListeners(PaymentOrders orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void open(CaseSubmitted submitted) {
		orders.open(submitted);
	}

	/** A withdrawal (or any end but a grant) refunds a paid order and cancels a due one. */
	@ApplicationModuleListener
	void ended(CaseConcluded concluded) {
		orders.caseEnded(concluded.caseId().value(), concluded.outcome());
	}
}
