package tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.notification.DeliveryStatus;
import tongban.notification.Regarding;
import tongban.support.IntegrationTest;

/**
 * The receipts of a long SMS's parts arrive together (the SMS centre's receiver threads, the retry after the hand-over's
 * commit and the sweeper apply them at once): the message must still end DELIVERED, never stay SENDING because each
 * receipt saw only its own part delivered.
 */
class ReceiptsAtOnceIT extends IntegrationTest {

	private static final int PARTS = 4;

	@Autowired
	DeliveryLedger ledger;

	@Test
	void aMessageWhosePartsAreReceiptedAtOnceIsDelivered() throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(PARTS)) {
			for (int round = 0; round < 20; round++) {
				long id = ledger.queue(new DeliveryLedger.Queued("SMS", "1390000" + String.format("%04d", round), "", "多段短信", null,
						Regarding.NOTHING, null, 600));
				List<String> references = new ArrayList<>();
				for (int part = 0; part < PARTS; part++) {
					references.add(UUID.randomUUID().toString());
				}
				assertThat(ledger.handedOver(id, String.join(",", references))).isTrue();
				CyclicBarrier together = new CyclicBarrier(PARTS);
				List<CompletableFuture<DeliveryLedger.ReceiptOutcome>> receipts = references.stream()
					.map(reference -> CompletableFuture.supplyAsync(() -> {
						try {
							together.await();
						}
						catch (Exception e) {
							throw new IllegalStateException(e);
						}
						return ledger.receipt(reference, "DELIVRD", "000");
					}, threads))
					.toList();
				for (CompletableFuture<DeliveryLedger.ReceiptOutcome> receipt : receipts) {
					assertThat(receipt.get()).isNotEqualTo(DeliveryLedger.ReceiptOutcome.UNKNOWN);
				}
				assertThat(jdbc.sql("select status from notification_delivery where id = ?").param(id).query(String.class).single())
					.as("round %d", round)
					.isEqualTo(DeliveryStatus.DELIVERED.name());
				assertThat(jdbc.sql("select count(*) from notification_delivery_status where delivery_id = ? and status = 'DELIVERED'")
					.param(id)
					.query(Long.class)
					.single()).as("one line of history").isEqualTo(1);
			}
		}
	}
}
