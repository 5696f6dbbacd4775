package tongban.proactive.benefits.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import tongban.proactive.benefits.BenefitEvents;
import tongban.proactive.benefits.PaymentOrders;

/**
 * Hands each payment order to the disbursement once the transaction that wrote it has committed, and every minute
 * sweeps up orders left CREATED (the node stopped, the bank system was down). Handing over twice is harmless: only a
 * CREATED order is handed over, under a row lock.
 */
@Component
class PaymentHandover {

	private final PaymentOrders payments;

	PaymentHandover(PaymentOrders payments) {
		this.payments = payments;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void handOver(BenefitEvents.PaymentOrdered ordered) {
		payments.handOver(ordered.orderId());
	}

	@Scheduled(fixedDelayString = "${tongban.proactive.payment-sweep:60s}")
	@SchedulerLock(name = "proactive.payment-handover", lockAtMostFor = "PT10M", lockAtLeastFor = "PT50S")
	void sweep() {
		payments.handOverLeftBehind(500);
	}
}
