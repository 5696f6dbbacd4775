package tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.support.IntegrationTest;
import tongban.support.Mail;

/**
 * E-mail and SMS are queued with the change they report: a change that rolls back sends nothing; one that commits is
 * delivered over real SMTP (GreenMail) and over SMPP to the demo's SMS centre a moment later, each with its status history.
 */
class NotificationDeliveryIT extends IntegrationTest {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NotificationDeliveries deliveries;

	@Test
	void queuedWithTheChangeAndSentAfterItCommits() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String tag = Long.toString(System.nanoTime());
		var rolledBack = new NotificationManagement.Recipient(UUID.randomUUID(), "回滚", "139" + tag.substring(tag.length() - 8),
				"rollback-" + tag + "@example.org");
		try {
			tx.executeWithoutResult(s -> {
				notifications.notify(rolledBack, "CASE_SUBMITTED", Map.of("itemName", "测试事项", "caseNumber", "X" + tag), null);
				throw new IllegalStateException("the change fails");
			});
		}
		catch (IllegalStateException expected) {
			// the change and its notices are gone together
		}
		var kept = new NotificationManagement.Recipient(UUID.randomUUID(), "送达", "138" + tag.substring(tag.length() - 8),
				"kept-" + tag + "@example.org");
		tx.executeWithoutResult(s -> notifications.notify(kept, "CASE_SUBMITTED", Map.of("itemName", "测试事项", "caseNumber", "Y" + tag), null));

		assertThat(notifications.messages(kept.accountId(), 10)).as("in-app at once").hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Mail.to(kept.email()).isEmpty());
		assertThat(Mail.to(kept.email()).getFirst()).contains("Y" + tag);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastSms(kept.mobile())).contains("Y" + tag));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries.ofPerson(kept.accountId(), kept.mobile(), 10))
			.extracting(NotificationDeliveries.Delivery::channel, NotificationDeliveries.Delivery::status)
			.as("both handed over, none waiting; the demo's SMS centre reports the SMS delivered, the mail server only takes the e-mail")
			.containsExactlyInAnyOrder(tuple("SMS", DeliveryStatus.DELIVERED), tuple("EMAIL", DeliveryStatus.SENT)));
		NotificationDeliveries.Delivery sms = deliveries.ofPerson(kept.accountId(), kept.mobile(), 10).stream()
			.filter(d -> d.channel().equals("SMS")).findFirst().orElseThrow();
		assertThat(sms.maskedAddress()).doesNotContain(kept.mobile()).endsWith(kept.mobile().substring(7));
		assertThat(deliveries.history(sms.id())).extracting(NotificationDeliveries.StatusChange::status)
			.containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENDING, DeliveryStatus.DELIVERED);
		assertThat(deliveries.ofPerson(rolledBack.accountId(), rolledBack.mobile(), 10)).isEmpty();

		assertThat(notifications.messages(rolledBack.accountId(), 10)).isEmpty();
		assertThat(Mail.to(rolledBack.email())).isEmpty();
		assertThat(jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?").param(keys.blindIndex(rolledBack.mobile())).query(Long.class).single())
			.isZero();
	}
}
