package tongban.notification.internal.smpp;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.notification.SmsRefused;
import tongban.notification.SmsSender;
import tongban.notification.internal.DeliveryLedger;
import tongban.shared.DataKeys;
import tongban.shared.DemoData;

/**
 * Which SMS centre the platform sends to: the one {@code TONGBAN_SMPP_HOST} names; else, with demo data, the demo's
 * 模拟短信中心 in this JVM; else none: text messages then wait in the queue (never dropped, never pretended sent) and
 * health says SMS is not configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmppSettings.class)
class SmppConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmppConfiguration.class);

	/** The link, the demo's centre (when it runs) and the receipts, closed together with the context. */
	record Smpp(SmppLink link, DemoSmsCentre demo, SmppReceipts receipts) implements AutoCloseable {

		@Override
		public void close() {
			if (link != null) {
				link.close();
			}
			if (demo != null) {
				demo.close();
			}
			if (receipts != null) {
				receipts.close();
			}
		}
	}

	@Bean(destroyMethod = "close")
	Smpp smpp(SmppSettings settings, DemoData demoData, JdbcClient jdbc, DataKeys keys, DeliveryLedger ledger) throws IOException {
		if (!settings.configured() && !demoData.enabled()) {
			log.warn("No SMS centre configured (TONGBAN_SMPP_HOST): text messages wait in the queue");
			return new Smpp(null, null, null);
		}
		SmppReceipts receipts = new SmppReceipts(ledger, settings.receiptHold());
		if (settings.configured()) {
			return new Smpp(new SmppLink(settings, receipts, settings.host() + ":" + settings.port()), null, receipts);
		}
		byte[] secret = new byte[4];
		new SecureRandom().nextBytes(secret);
		DemoSmsCentre demo = new DemoSmsCentre(jdbc, keys, HexFormat.of().formatHex(secret));
		SmppSettings local = settings.at(demo.host(), demo.port(), DemoSmsCentre.SYSTEM_ID, demo.password());
		log.info("Demo data and no TONGBAN_SMPP_HOST: text messages go to the {} on {}:{}", DemoSmsCentre.LABEL, demo.host(), demo.port());
		return new Smpp(new SmppLink(local, receipts, DemoSmsCentre.LABEL + " " + demo.host() + ":" + demo.port()), demo, receipts);
	}

	@Bean
	SmsSender smsSender(Smpp smpp, SmppSettings settings) {
		if (smpp.link() == null) {
			return new SmsSender() {
				@Override
				public Handover send(String mobile, String text) {
					throw SmsRefused.unavailable("NOT_CONFIGURED", settings.reconnectMax(), "未配置短信中心");
				}

				@Override
				public boolean configured() {
					return false;
				}
			};
		}
		return new SmppSmsSender(smpp.link(), settings, smpp.receipts());
	}

	@Bean
	HealthIndicator smsHealthIndicator(Smpp smpp) {
		return smpp.link() == null ? SmsHealth.NOT_CONFIGURED : new SmsHealth(smpp.link());
	}
}
