package tongban.notification.internal.smpp;

import java.io.IOException;

import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.shared.DataKeys;

/**
 * The demo's 模拟短信中心: with demo data and no SMS centre named, the platform binds to this one in its own JVM over a
 * real SMPP session on the loopback address. It accepts only the demo account, keeps every text it takes in
 * {@code notification_sms_outbox} (the console's SMS outbox page reads them there; the number encrypted, with its blind
 * index) and reports each delivered a moment later, so a demo message shows as 已送达 as a real one would.
 */
final class DemoSmsCentre implements AutoCloseable {

	/** How it is shown wherever its name appears. */
	static final String LABEL = "模拟短信中心";

	static final String SYSTEM_ID = "tongban-demo";

	private final LocalSmsCentre centre;
	private final String password;

	DemoSmsCentre(JdbcClient jdbc, DataKeys keys, String password) throws IOException {
		this.password = password;
		this.centre = new LocalSmsCentre(0, new LocalSmsCentre.Script() {
			@Override
			public int bind(String systemId, String given) {
				return SYSTEM_ID.equals(systemId) && password.equals(given) ? 0 : 0x0E;
			}

			@Override
			public void received(String destination, String text) {
				jdbc.sql("insert into notification_sms_outbox (mobile_enc, mobile_index, text) values (?, ?, ?)")
					.params(keys.encrypt(destination), keys.blindIndex(destination), text)
					.update();
			}
		});
	}

	String host() {
		return centre.host();
	}

	int port() {
		return centre.port();
	}

	String password() {
		return password;
	}

	@Override
	public void close() {
		centre.close();
	}
}
