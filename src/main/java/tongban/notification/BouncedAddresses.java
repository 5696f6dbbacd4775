package tongban.notification;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.notification.internal.DeliveryLedger;

/**
 * E-mail addresses whose mail came back as a bounce (read from the bounce mailbox), for the person's notification
 * settings ("您的邮箱退信，请检查") and the platform admin's delivery search.
 */
@Service
public class BouncedAddresses {

	/** The latest bounce of an address: its RFC 3464 status (5.1.1 …, may be null), the reason, when, how many so far. */
	public record Bounce(String status, String reason, OffsetDateTime at, int bounces) {
	}

	private final JdbcClient jdbc;
	private final DeliveryLedger ledger;

	BouncedAddresses(JdbcClient jdbc, DeliveryLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/** The address's latest bounce; empty when it never bounced (or when there is no address). */
	public Optional<Bounce> of(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select status, reason, bounced_at, bounces from notification_bounced_address where address_index = ?")
			.param(ledger.addressIndex(address))
			.query((rs, row) -> new Bounce(rs.getString("status"), rs.getString("reason"), rs.getObject("bounced_at", OffsetDateTime.class),
					rs.getInt("bounces")))
			.optional();
	}
}
