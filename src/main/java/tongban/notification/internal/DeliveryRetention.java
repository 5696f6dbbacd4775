package tongban.notification.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivery rows are kept for their status, not for their text (个人信息保护法 Art. 19: no longer than the purpose
 * needs): once a message has left the queue its subject and body are emptied after {@code body-retention} (7 days: long
 * enough for a person asking "what did you send me?"), and the row with its history is deleted after
 * {@code delivery-retention} (180 days: the dashboard's window). A message still waiting keeps its text, or it would go
 * out empty.
 */
@Component
class DeliveryRetention {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final JdbcClient jdbc;
	private final Duration bodies;
	private final Duration rows;

	DeliveryRetention(JdbcClient jdbc, @Value("${tongban.notification.body-retention:7d}") Duration bodies,
			@Value("${tongban.notification.delivery-retention:180d}") Duration rows) {
		if (bodies.isNegative() || rows.compareTo(bodies) < 0) {
			throw new IllegalArgumentException("tongban.notification.delivery-retention must be at least body-retention");
		}
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.rows = rows;
	}

	@Scheduled(fixedDelayString = "${tongban.notification.retention-interval:1h}", initialDelayString = "1m")
	@SchedulerLock(name = "notification.retention", lockAtMostFor = "PT50M", lockAtLeastFor = "PT30M")
	void run() {
		Result result = apply();
		if (result.emptied() + result.deleted() > 0) {
			log.info("notification retention: {} texts emptied, {} delivery rows deleted", result.emptied(), result.deleted());
		}
	}

	/** What one run did. */
	record Result(int emptied, int deleted) {
	}

	Result apply() {
		int emptied = jdbc.sql("""
				update notification_delivery set subject = '', body = ''
				where status <> 'CREATED' and created_at < now() - make_interval(secs => ?) and (body <> '' or subject <> '')""")
			.param((double) bodies.toSeconds())
			.update();
		int deleted = jdbc.sql("delete from notification_delivery where created_at < now() - make_interval(secs => ?)")
			.param((double) rows.toSeconds())
			.update();
		return new Result(emptied, deleted);
	}
}
