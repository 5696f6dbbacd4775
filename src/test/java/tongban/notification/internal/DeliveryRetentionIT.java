package tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.notification.Regarding;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Delivery rows keep their text 7 days and themselves 180 (the defaults): an old message handed over loses its text,
 * one still waiting keeps it (or it would go out empty), a recent one is untouched, and one past 180 days is gone with
 * its history and parts.
 */
class DeliveryRetentionIT extends IntegrationTest {

	@Autowired
	DeliveryLedger ledger;

	@Autowired
	DeliveryRetention retention;

	@Test
	void textsAreEmptiedAfterSevenDaysAndRowsDeletedAfterOneHundredAndEighty() {
		long recent = queued("最近的短信", "SENT", 6);
		long old = queued("八天前的短信", "DELIVERED", 8);
		long waiting = queued("八天前仍在等待的短信", "CREATED", 8);
		long ancient = queued("半年多前的短信", "CREATED", 181);
		ledger.handedOver(ancient, "retention-" + ancient);
		jdbc.sql("update notification_delivery set status = 'DELIVERED' where id = ?").param(ancient).update();

		retention.apply();

		assertThat(body(recent)).isEqualTo("最近的短信");
		assertThat(body(old)).isEmpty();
		assertThat(body(waiting)).isEqualTo("八天前仍在等待的短信");
		assertThat(count("notification_delivery where id = ?", ancient)).isZero();
		assertThat(count("notification_delivery_status where delivery_id = ?", ancient)).isZero();
		assertThat(count("notification_sms_part where delivery_id = ?", ancient)).isZero();
		assertThat(count("notification_delivery where id = ?", old)).isEqualTo(1);
	}

	private long queued(String body, String status, int daysAgo) {
		long id = ledger.queue(new DeliveryLedger.Queued("SMS", TestPeople.mobile(), "", body, null, Regarding.NOTHING,
				// far in the future, so that the queue does not send it while the test runs
				Instant.now().plus(Duration.ofDays(1)), 0));
		jdbc.sql("update notification_delivery set status = ?, created_at = now() - make_interval(days => ?) where id = ?")
			.params(status, daysAgo, id)
			.update();
		return id;
	}

	private String body(long id) {
		return jdbc.sql("select body from notification_delivery where id = ?").param(id).query(String.class).single();
	}

	private long count(String from, long id) {
		return jdbc.sql("select count(*) from " + from).param(id).query(Long.class).single();
	}
}
