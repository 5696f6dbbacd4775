package tongban.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.notification.internal.DeliveryLedger;
import tongban.shared.DataKeys;
import tongban.shared.Masking;

/**
 * The delivery status of e-mails and SMS, for the pages that show it: a case's and a ticket's (staff), the person's
 * 我的消息, and the platform admin's delivery dashboard and search. Addresses come masked; a text's digits that could be
 * a verification code are hidden.
 */
@Service
public class NotificationDeliveries {

	/** Four to eight digits standing alone: a verification code, hidden in previews. */
	private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z])[0-9]{4,8}(?![0-9A-Za-z])");

	private static final String COLUMNS = "id, channel, address, event, status, status_at, detail, subject, body, created_at, attempts";

	/** One message and where it stands. */
	public record Delivery(long id, String channel, String maskedAddress, String event, DeliveryStatus status,
			OffsetDateTime statusAt, String detail, String preview, OffsetDateTime createdAt, int attempts) {
	}

	/** One move of a message's status. */
	public record StatusChange(DeliveryStatus status, String detail, OffsetDateTime at) {
	}

	/** How many messages of a channel were created on a day (Asia/Shanghai), by where they stand now. */
	public record DayCount(LocalDate day, String channel, long waiting, long sending, long sent, long delivered, long failed) {

		public long total() {
			return waiting + sending + sent + delivered + failed;
		}
	}

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final DeliveryLedger ledger;

	NotificationDeliveries(JdbcClient jdbc, DataKeys keys, DeliveryLedger ledger) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.ledger = ledger;
	}

	/** The messages sent about a case, newest first. */
	public List<Delivery> ofCase(UUID caseId) {
		return list("case_id = ?", caseId, 100);
	}

	/** The messages sent about a 12345 ticket, newest first. */
	public List<Delivery> ofTicket(UUID ticketId) {
		return list("ticket_id = ?", ticketId, 100);
	}

	/** A person's messages: those queued for their account and those sent to their mobile, newest first. */
	public List<Delivery> ofPerson(UUID accountId, String mobile, int limit) {
		if (mobile == null || mobile.isBlank()) {
			return list("account_id = ?", accountId, limit);
		}
		return jdbc.sql("select " + COLUMNS + " from notification_delivery where account_id = ? or address_index = ? order by id desc limit ?")
			.params(accountId, ledger.addressIndex(mobile), limit)
			.query(this::delivery)
			.list();
	}

	/**
	 * The messages sent to one mobile number or e-mail address, newest first, for the platform admin's search (the
	 * caller records the search).
	 */
	public List<Delivery> toAddress(String address, int limit) {
		return list("address_index = ?", ledger.addressIndex(address), limit);
	}

	/** Every move of one message's status, oldest first. */
	public List<StatusChange> history(long deliveryId) {
		return jdbc.sql("select status, detail, at from notification_delivery_status where delivery_id = ? order by id")
			.param(deliveryId)
			.query((rs, row) -> new StatusChange(DeliveryStatus.valueOf(rs.getString("status")), rs.getString("detail"),
					rs.getObject("at", OffsetDateTime.class)))
			.list();
	}

	/** Messages per day and channel between two days (inclusive, Asia/Shanghai), by status. */
	public List<DayCount> daily(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (created_at at time zone 'Asia/Shanghai')::date as day, channel,
				  count(*) filter (where status = 'CREATED') as waiting, count(*) filter (where status = 'SENDING') as sending,
				  count(*) filter (where status = 'SENT') as sent, count(*) filter (where status = 'DELIVERED') as delivered,
				  count(*) filter (where status = 'FAILED') as failed
				from notification_delivery
				where created_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
				  and created_at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'
				group by 1, 2 order by 1 desc, 2""")
			.params(from, to)
			.query((rs, row) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getString("channel"), rs.getLong("waiting"),
					rs.getLong("sending"), rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("failed")))
			.list();
	}

	private List<Delivery> list(String where, Object key, int limit) {
		return jdbc.sql("select " + COLUMNS + " from notification_delivery where " + where + " order by id desc limit ?")
			.params(key, limit)
			.query(this::delivery)
			.list();
	}

	private Delivery delivery(ResultSet rs, int row) throws SQLException {
		String channel = rs.getString("channel");
		String address = keys.decrypt(rs.getString("address"));
		String masked = "SMS".equals(channel) ? Masking.mobile(address) : maskEmail(address);
		String text = "EMAIL".equals(channel) && !rs.getString("subject").isBlank() ? rs.getString("subject") : rs.getString("body");
		return new Delivery(rs.getLong("id"), channel, masked, rs.getString("event"), DeliveryStatus.valueOf(rs.getString("status")),
				rs.getObject("status_at", OffsetDateTime.class), rs.getString("detail"), preview(text),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("attempts"));
	}

	/** The text with anything that could be a verification code hidden. */
	static String preview(String text) {
		return text == null ? "" : CODE.matcher(text).replaceAll("****");
	}

	static String maskEmail(String address) {
		int at = address.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}
}
