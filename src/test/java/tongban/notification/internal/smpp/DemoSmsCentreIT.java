package tongban.notification.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import tongban.notification.DeliveryStatus;
import tongban.notification.NotificationDeliveries;
import tongban.notification.NotificationManagement;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * With demo data and no TONGBAN_SMPP_HOST the platform sends over a real SMPP session to the demo's 模拟短信中心 in its
 * own JVM: health names it, the outbox holds the text as the phone would show it (a long one joined from its parts),
 * and the message comes back delivered.
 */
class DemoSmsCentreIT extends IntegrationTest {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	NotificationDeliveries deliveries;

	@Autowired
	@Qualifier("smsHealthIndicator")
	HealthIndicator health;

	@Test
	void aTextGoesOverSmppToTheDemoCentreIntoTheOutboxAndComesBackDelivered() {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
		assertThat(health.health().getDetails().get("centre").toString()).startsWith(DemoSmsCentre.LABEL);

		String mobile = TestPeople.mobile();
		String text = "【通办】演示短信中心收到的长短信。" + "这一段文字重复多次，使短信超过七十个字符而分成几条发送。".repeat(3);
		notifications.sendSms(mobile, text);

		assertThat(lastSms(mobile)).as("in the outbox once the hand-over returns").isEqualTo(text);
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries.toAddress(mobile, 5).getFirst().status() == DeliveryStatus.DELIVERED);
		NotificationDeliveries.Delivery delivered = deliveries.toAddress(mobile, 5).getFirst();
		assertThat(jdbc.sql("select count(*) from notification_sms_part where delivery_id = ? and stat = 'DELIVRD'").param(delivered.id())
			.query(Long.class).single()).isEqualTo((text.length() + SmsParts.PART - 1) / SmsParts.PART);
	}
}
