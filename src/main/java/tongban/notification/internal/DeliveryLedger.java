package tongban.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.notification.DeliveryStatus;
import tongban.notification.Regarding;
import tongban.shared.DataKeys;

/**
 * The queue of e-mails and SMS and the status of each: a message is queued {@code CREATED} and every later move is
 * checked against {@link DeliveryStatus#GRAPH} and written as a row of its history.
 */
@Component
public class DeliveryLedger {

	private final JdbcClient jdbc;
	private final DataKeys keys;

	DeliveryLedger(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** What is queued: channel EMAIL or SMS, the plain address, and when it may go (null: at once). */
	public record Queued(String channel, String address, String subject, String body, String event, Regarding regarding,
			Instant notBefore, double delaySeconds) {
	}

	/** Queues one message in the caller's transaction; answers its id. */
	public long queue(Queued message) {
		Regarding about = message.regarding() == null ? Regarding.NOTHING : message.regarding();
		long id = jdbc.sql("""
				insert into notification_delivery (channel, address, address_index, subject, body, event, case_id, ticket_id, account_id,
				  next_attempt_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, greatest(now() + make_interval(secs => ?), ?::timestamptz)) returning id""")
			.params(message.channel(), keys.encrypt(message.address()), addressIndex(message.address()), message.subject(), message.body(),
					message.event(), about.caseId(), about.ticketId(), about.accountId(), message.delaySeconds(),
					message.notBefore() == null ? null : Timestamp.from(message.notBefore()))
			.query(Long.class)
			.single();
		jdbc.sql("insert into notification_delivery_status (delivery_id, status) values (?, 'CREATED')").param(id).update();
		return id;
	}

	/** The blind index an address is found by: a mobile as given, an e-mail address in lower case. */
	public String addressIndex(String address) {
		return keys.blindIndex(address.contains("@") ? address.trim().toLowerCase() : address.trim());
	}

	/**
	 * Moves a message from {@code from} to {@code to} with the reason (null when none); refused by the graph's conflict
	 * when the move is not one of its edges, ignored (false) when the message is no longer in {@code from}.
	 */
	public boolean move(long deliveryId, DeliveryStatus from, DeliveryStatus to, String detail) {
		DeliveryStatus.GRAPH.require(from, to);
		int moved = jdbc.sql("update notification_delivery set status = ?, status_at = now(), detail = ? where id = ? and status = ?")
			.params(to.name(), detail, deliveryId, from.name())
			.update();
		if (moved == 0) {
			return false;
		}
		jdbc.sql("insert into notification_delivery_status (delivery_id, status, detail) values (?, ?, ?)")
			.params(deliveryId, to.name(), detail)
			.update();
		return true;
	}

	/** Notes the carrier's reference of a message handed over, by which its receipt finds it. */
	public void carrierRef(long deliveryId, String reference) {
		jdbc.sql("update notification_delivery set carrier_ref = ? where id = ?").params(reference, deliveryId).update();
	}

	/** The message a carrier's reference names, with its status. */
	public Optional<Referenced> byCarrierRef(String reference) {
		return jdbc.sql("select id, status from notification_delivery where carrier_ref = ?")
			.param(reference)
			.query((rs, row) -> new Referenced(rs.getLong("id"), DeliveryStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	public record Referenced(long id, DeliveryStatus status) {
	}

	/** The newest e-mail handed over to this address and still counted as sent: the one a bounce for it reports. */
	public Optional<Long> newestSentEmail(String address) {
		return jdbc.sql("select id from notification_delivery where address_index = ? and channel = 'EMAIL' and status = 'SENT' order by id desc limit 1")
			.param(addressIndex(address))
			.query(Long.class)
			.optional();
	}

	/**
	 * Notes that mail to this address bounced (the e-mail it reported, if found, its RFC 3464 status and the reason):
	 * the address stays marked (a newer bounce replaces the note and counts one more).
	 */
	public void markBounced(String address, Long deliveryId, String status, String reason) {
		jdbc.sql("""
				insert into notification_bounced_address (address_index, delivery_id, status, reason) values (?, ?, ?, ?)
				on conflict (address_index) do update set delivery_id = excluded.delivery_id, status = excluded.status,
				  reason = excluded.reason, bounced_at = now(), bounces = notification_bounced_address.bounces + 1""")
			.params(addressIndex(address), deliveryId, status, reason)
			.update();
	}
}
