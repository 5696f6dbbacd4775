package tongban.notification.internal.smpp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tongban.smpp.*}: the SMS centre the platform sends text messages to over SMPP 3.4 (README,
 * docs/notifications.md, docs/decisions/0055-sms-over-smpp.md). Set the host and the platform binds to it.
 *
 * @param host the SMS centre's host (TONGBAN_SMPP_HOST); empty: the demo's 模拟短信中心 with demo data, else none
 * @param port its port (TONGBAN_SMPP_PORT)
 * @param systemId the account (TONGBAN_SMPP_SYSTEM_ID)
 * @param password the account's password (TONGBAN_SMPP_PASSWORD)
 * @param systemType the system_type the carrier asks for, often empty (TONGBAN_SMPP_SYSTEM_TYPE)
 * @param sourceAddr the sender number (service code, 服务代码) messages go out from (TONGBAN_SMPP_SOURCE_ADDR)
 * @param signature the sender's signature put before a text that has none (TONGBAN_SMPP_SIGNATURE); empty: none
 * @param perSecond how many messages (parts) this node submits per second at most (TONGBAN_SMPP_PER_SECOND)
 * @param enquireLink how long the session may be idle before an enquire_link checks it
 * @param reconnectMin the first wait before binding again after a refusal or a lost connection
 * @param reconnectMax the longest such wait (it doubles up to this)
 * @param throttledWait how long a message waits after the centre said it was throttled or its queue full
 * @param receiptHold how long a receipt that matches no message yet is kept and tried again (its message's hand-over
 *        may not have committed) before it is logged and dropped
 */
@ConfigurationProperties("tongban.smpp")
public record SmppSettings(String host, int port, String systemId, String password, String systemType, String sourceAddr,
		String signature, int perSecond, Duration enquireLink, Duration reconnectMin, Duration reconnectMax, Duration throttledWait,
		Duration receiptHold) {

	public SmppSettings {
		host = strip(host);
		port = port == 0 ? 2775 : port;
		systemId = strip(systemId);
		password = password == null ? "" : password;
		systemType = strip(systemType);
		sourceAddr = strip(sourceAddr);
		signature = strip(signature);
		perSecond = perSecond <= 0 ? 10 : perSecond;
		enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
		reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
		reconnectMax = reconnectMax == null ? Duration.ofSeconds(60) : reconnectMax;
		throttledWait = throttledWait == null ? Duration.ofSeconds(2) : throttledWait;
		receiptHold = receiptHold == null ? Duration.ofMinutes(2) : receiptHold;
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("TONGBAN_SMPP_PORT must be 1 to 65535, not " + port);
		}
		if (signature.length() > 20) {
			throw new IllegalArgumentException("TONGBAN_SMPP_SIGNATURE must be at most 20 characters, not " + signature.length());
		}
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	/** True when an SMS centre is named. */
	public boolean configured() {
		return !host.isEmpty();
	}

	/** The same account at another address (the demo's SMS centre). */
	SmppSettings at(String otherHost, int otherPort, String otherSystemId, String otherPassword) {
		return new SmppSettings(otherHost, otherPort, otherSystemId, otherPassword, systemType, sourceAddr, signature, perSecond, enquireLink,
				reconnectMin, reconnectMax, throttledWait, receiptHold);
	}

	@Override
	public String toString() {
		// never the password
		return "SmppSettings[" + host + ":" + port + ", systemId=" + systemId + "]";
	}
}
