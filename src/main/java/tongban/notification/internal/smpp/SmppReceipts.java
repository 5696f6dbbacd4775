package tongban.notification.internal.smpp;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tongban.notification.internal.DeliveryLedger;

/**
 * Delivery receipts from the SMS centre (deliver_sm with esm_class "SMSC delivery receipt"): each moves its part, and
 * the message once settled, SENDING → DELIVERED or FAILED with the carrier's stat and err ({@link DeliveryLedger#receipt}).
 * A receipt can come back before the transaction that handed its message over commits; one that matches no message is
 * kept and tried again (right after that commit, and every second) for {@code receipt-hold}, then logged and dropped, as
 * is any receipt for a message id the platform never had. Every receipt is acknowledged, so the centre does not send it
 * again and again.
 */
final class SmppReceipts implements MessageReceiverListener, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmppReceipts.class);

	private record Held(ReceiptText receipt, long since) {
	}

	private final DeliveryLedger ledger;
	private final Duration hold;
	private final Map<String, Held> held = new ConcurrentHashMap<>();
	private final AtomicLong ignored = new AtomicLong();
	private final ScheduledExecutorService sweeper;

	SmppReceipts(DeliveryLedger ledger, Duration hold) {
		this.ledger = ledger;
		this.hold = hold;
		this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("smpp-receipts").factory());
		this.sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
		if (!deliverSm.isSmscDeliveryReceipt()) {
			// a reply from a phone: the platform takes no text messages from people
			log.info("SMPP deliver_sm that is not a receipt ignored");
			return;
		}
		byte[] message = deliverSm.getShortMessage();
		String text = message == null ? "" : SmsParts.text(message, false, (byte) 0);
		ReceiptText.parse(text).ifPresentOrElse(this::accept, () -> log.warn("SMPP receipt without id or stat ignored"));
	}

	/** Applies one receipt, or keeps it when its message is not (yet) known. */
	void accept(ReceiptText receipt) {
		if (!receipt.delivered() && !receipt.failed()) {
			return; // ENROUTE, ACCEPTD: not final, a final receipt follows
		}
		if (apply(receipt) == DeliveryLedger.ReceiptOutcome.UNKNOWN) {
			held.putIfAbsent(receipt.id(), new Held(receipt, System.nanoTime()));
		}
	}

	/** Tries again the kept receipts of these message ids (their hand-over just committed). */
	void retry(Collection<String> ids) {
		for (String id : ids) {
			Held kept = held.get(id);
			if (kept != null && apply(kept.receipt()) != DeliveryLedger.ReceiptOutcome.UNKNOWN) {
				held.remove(id, kept);
			}
		}
	}

	/** How many receipts matched no message and were dropped, since start. */
	long ignored() {
		return ignored.get();
	}

	/** How many receipts are kept, waiting for their message. */
	int waiting() {
		return held.size();
	}

	private DeliveryLedger.ReceiptOutcome apply(ReceiptText receipt) {
		try {
			// no transaction around it: its two statements commit one by one (see DeliveryLedger.receipt)
			return ledger.receipt(receipt.id(), receipt.stat(), receipt.detail());
		}
		catch (RuntimeException e) {
			log.warn("SMPP receipt {} not applied: {}", receipt.id(), e.toString());
			return DeliveryLedger.ReceiptOutcome.UNKNOWN;
		}
	}

	private void sweep() {
		long now = System.nanoTime();
		for (var entry : held.entrySet()) {
			Held kept = entry.getValue();
			if (apply(kept.receipt()) != DeliveryLedger.ReceiptOutcome.UNKNOWN) {
				held.remove(entry.getKey(), kept);
			}
			else if (now - kept.since() > hold.toNanos()) {
				held.remove(entry.getKey(), kept);
				ignored.incrementAndGet();
				log.warn("SMPP receipt for unknown message id {} ignored ({})", kept.receipt().id(), kept.receipt().detail());
			}
		}
	}

	@Override
	public void onAcceptAlertNotification(AlertNotification alertNotification) {
		// alerts (a phone reachable again) are of no use here: the centre retries its own messages
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw new ProcessRequestException("data_sm not supported", 0x03);
	}

	@Override
	public void close() {
		sweeper.shutdownNow();
	}
}
