package tongban.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.notification.SmsSender;

/** Default SMS sender: writes to notification_sms_outbox instead of a gateway. */
class OutboxSmsSender implements SmsSender {

	private final JdbcClient jdbc;

	OutboxSmsSender(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void send(String mobile, String text) {
		jdbc.sql("insert into notification_sms_outbox (mobile, text) values (?, ?)").params(mobile, text).update();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@ConditionalOnMissingBean(SmsSender.class)
		SmsSender outboxSmsSender(JdbcClient jdbc) {
			return new OutboxSmsSender(jdbc);
		}
	}
}
