package tongban.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The notification module's API. */
@Service
public class NotificationManagement {

	private final SmsSender sms;
	private final JdbcClient jdbc;

	NotificationManagement(SmsSender sms, JdbcClient jdbc) {
		this.sms = sms;
		this.jdbc = jdbc;
	}

	public void sendSms(String mobile, String text) {
		sms.send(mobile, text);
	}

	/** The newest messages kept by the outbox sender (demo mode). */
	public List<OutboxMessage> outbox(int limit) {
		return jdbc.sql("select id, mobile, text, created_at from notification_sms_outbox order by id desc limit ?")
			.param(limit)
			.query(OutboxMessage.class)
			.list();
	}

	public record OutboxMessage(long id, String mobile, String text, OffsetDateTime createdAt) {
	}
}
