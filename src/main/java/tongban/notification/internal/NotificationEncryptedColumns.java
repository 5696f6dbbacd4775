package tongban.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Notification's encrypted columns, for key rotation: the SMS outbox's mobiles and the delivery queue's addresses. */
@Configuration(proxyBeanMethods = false)
class NotificationEncryptedColumns {

	@Bean
	EncryptedColumns notificationSmsOutboxColumns() {
		return EncryptedColumns.of("notification_sms_outbox", "id", "mobile_enc");
	}

	@Bean
	EncryptedColumns notificationDeliveryColumns() {
		return EncryptedColumns.of("notification_delivery", "id", "address");
	}
}
