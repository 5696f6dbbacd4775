package tongban.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.notification.SmsSender;
import tongban.shared.DataKeys;

/** Default SMS sender: writes to notification_sms_outbox instead of a gateway. */
class OutboxSmsSender implements SmsSender {

	private final JdbcClient jdbc;
	private final DataKeys keys;

	OutboxSmsSender(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Override
	public Handover send(String mobile, String text) {
		// the number encrypted, with its blind index for finding a person's messages
		jdbc.sql("insert into notification_sms_outbox (mobile_enc, mobile_index, text) values (?, ?, ?)")
			.params(keys.encrypt(mobile), keys.blindIndex(mobile), text)
			.update();
		return Handover.NO_RECEIPT;
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@ConditionalOnMissingBean(SmsSender.class)
		SmsSender outboxSmsSender(JdbcClient jdbc, DataKeys keys) {
			return new OutboxSmsSender(jdbc, keys);
		}
	}
}
