package tongban.identity.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a person's consent to the privacy notice: which version, for what, when and through which channel
 * (个人信息保护法 Art. 14: consent given by an informed, voluntary and clear act). The full privacy centre (viewing and
 * withdrawing consents) comes later; this is its record.
 */
@Component
public class Consents {

	/** What the consent is for. */
	public enum Purpose { REGISTRATION }

	/** Where it was given. */
	public enum Channel { WEB, COUNTER }

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID accountId, Purpose purpose, String noticeVersion, Instant at, Channel channel) {
		jdbc.sql("insert into identity_consent (account_id, purpose, notice_version, consented_at, channel) values (?, ?, ?, ?, ?)")
			.params(accountId, purpose.name(), noticeVersion, at.atOffset(ZoneOffset.UTC), channel.name())
			.update();
	}
}
