package tongban.notification.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

	/** Queues one message in the caller's transaction, with the first line of its history; answers its id. */
	public long queue(Queued message) {
		Regarding about = message.regarding() == null ? Regarding.NOTHING : message.regarding();
		return jdbc.sql("""
				with queued as (
				  insert into notification_delivery (channel, address, address_index, subject, body, event, case_id, ticket_id, account_id,
				    next_attempt_at)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, greatest(now() + make_interval(secs => ?), ?::timestamptz)) returning id),
				history as (insert into notification_delivery_status (delivery_id, status) select id, 'CREATED' from queued)
				select id from queued""")
			.params(message.channel(), keys.encrypt(message.address()), addressIndex(message.address()), message.subject(), message.body(),
					message.event(), about.caseId(), about.ticketId(), about.accountId(), message.delaySeconds(),
					message.notBefore() == null ? null : Timestamp.from(message.notBefore()))
			.query(Long.class)
			.single();
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
		return jdbc.sql("""
				with moved as (update notification_delivery set status = ?, status_at = now(), detail = ? where id = ? and status = ? returning id)
				insert into notification_delivery_status (delivery_id, status, detail) select id, ?, ? from moved""")
			.params(to.name(), detail, deliveryId, from.name(), to.name(), detail)
			.update() > 0;
	}

	/**
	 * A queued message the SMS centre took: moves it CREATED → SENDING with the carrier's reference, by which its
	 * receipt finds it: one message id, or the ids of its parts separated by commas
	 * ({@link tongban.notification.SmsSender.Handover#references()}), each a row of {@code notification_sms_part}
	 * awaiting its own receipt. One statement; false when the message was no longer CREATED.
	 */
	public boolean handedOver(long deliveryId, String reference) {
		DeliveryStatus.GRAPH.require(DeliveryStatus.CREATED, DeliveryStatus.SENDING);
		String[] parts = Arrays.stream(reference.split(",")).map(String::strip).toArray(String[]::new);
		return jdbc.sql("""
				with moved as (
				  update notification_delivery set status = 'SENDING', status_at = now(), detail = null, carrier_ref = ?
				  where id = ? and status = 'CREATED' returning id),
				history as (insert into notification_delivery_status (delivery_id, status) select id, 'SENDING' from moved),
				parts as (
				  insert into notification_sms_part (delivery_id, part, carrier_ref)
				  select moved.id, part.number, part.reference from moved, unnest(?::text[]) with ordinality as part(reference, number)
				  on conflict do nothing)
				select count(*) from moved""")
			.params(reference, deliveryId, parts)
			.query(Long.class)
			.single() > 0;
	}

	/** The message a carrier's reference (one part's message id) names, with its status. */
	public Optional<Referenced> byCarrierRef(String reference) {
		return jdbc.sql("""
				select d.id, d.status from notification_sms_part p join notification_delivery d on d.id = p.delivery_id
				where p.carrier_ref = ? order by d.id desc limit 1""")
			.param(reference)
			.query((rs, row) -> new Referenced(rs.getLong("id"), DeliveryStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	public record Referenced(long id, DeliveryStatus status) {
	}

	/**
	 * Leaves a message waiting without using up one of its tries (the SMS centre is unreachable, not bound, or
	 * throttled): due again after {@code wait}. Its history notes the reason once, not at every try of an outage.
	 */
	public void postpone(long deliveryId, Duration wait, String reason) {
		String previous = jdbc.sql("select detail from notification_delivery where id = ?").param(deliveryId).query(String.class).optional().orElse(null);
		jdbc.sql("update notification_delivery set last_error = ?, next_attempt_at = now() + make_interval(secs => ?) where id = ?")
			.params(reason, wait.toMillis() / 1000.0, deliveryId)
			.update();
		if (!reason.equals(previous)) {
			move(deliveryId, DeliveryStatus.CREATED, DeliveryStatus.CREATED, reason);
		}
	}

	/** What a delivery receipt did. */
	public enum ReceiptOutcome {
		/** No part has this reference (yet: its hand-over may not have committed). */
		UNKNOWN,
		/** The part is noted; the message waits for its other parts' receipts, or was settled before. */
		NOTED,
		/** The message moved to DELIVERED or FAILED. */
		SETTLED
	}

	/**
	 * Notes the receipt of one part ({@code stat} the carrier's final state, {@code detail} its words) and settles the
	 * message: FAILED as soon as a part failed, DELIVERED once every part is delivered. Two statements, each committed
	 * on its own: the settling reads the parts as committed after the note, so of two parts' receipts applied at once
	 * the one whose note commits last sees both (one statement would see only its own part, and a message of two parts
	 * could stay SENDING).
	 */
	public ReceiptOutcome receipt(String reference, String stat, String detail) {
		DeliveryStatus.GRAPH.require(DeliveryStatus.SENDING, DeliveryStatus.FAILED);
		DeliveryStatus.GRAPH.require(DeliveryStatus.SENDING, DeliveryStatus.DELIVERED);
		Long[] messages = jdbc.sql("update notification_sms_part set stat = ?, err = ?, receipt_at = now() where carrier_ref = ? returning delivery_id")
			.params(stat, detail, reference)
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		if (messages.length == 0) {
			return ReceiptOutcome.UNKNOWN;
		}
		int settled = jdbc.sql("""
				with settled as (
				  select delivery_id,
				    case when count(*) filter (where stat <> 'DELIVRD') > 0 then 'FAILED'
				      when count(*) filter (where stat = 'DELIVRD') = count(*) then 'DELIVERED' end as status
				  from notification_sms_part where delivery_id = any(?) group by delivery_id),
				moved as (
				  update notification_delivery d set status = settled.status, status_at = now(),
				    detail = case when settled.status = 'FAILED' then ?::text end
				  from settled where d.id = settled.delivery_id and settled.status is not null and d.status = 'SENDING'
				  returning d.id, d.status, d.detail)
				insert into notification_delivery_status (delivery_id, status, detail) select id, status, detail from moved""")
			.params(messages, detail)
			.update();
		return settled > 0 ? ReceiptOutcome.SETTLED : ReceiptOutcome.NOTED;
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
