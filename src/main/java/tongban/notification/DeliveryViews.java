package tongban.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tongban.shared.Clocks;

/**
 * The delivery status of e-mails and SMS as pages show it ("短信已送达 10:32"): each message with its masked address,
 * status, the time of its status from the one clock (the time alone today, the date before it otherwise) and its
 * history. Read through {@link NotificationDeliveries}; used by the case and ticket pages, 我的消息 and the admin's
 * search.
 */
@Service
public class DeliveryViews {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
	private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MM-dd HH:mm");
	private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One message as a page shows it; {@code detail} is the reason of a failure (or a note), null when none. */
	public record Line(long id, String channel, String maskedAddress, DeliveryStatus status, String detail, String when, String preview,
			List<Step> history) {

		public boolean failed() {
			return status == DeliveryStatus.FAILED;
		}
	}

	/** One move of a message's status. */
	public record Step(DeliveryStatus status, String detail, String when) {
	}

	private final NotificationDeliveries deliveries;
	private final Clock clock;

	DeliveryViews(NotificationDeliveries deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/** The messages about a case, newest first. */
	public List<Line> ofCase(UUID caseId) {
		return lines(deliveries.ofCase(caseId));
	}

	/** The messages about a 12345 ticket, newest first. */
	public List<Line> ofTicket(UUID ticketId) {
		return lines(deliveries.ofTicket(ticketId));
	}

	/** A person's messages (their account's, and those to their mobile), newest first. */
	public List<Line> ofPerson(UUID accountId, String mobile, int limit) {
		return lines(deliveries.ofPerson(accountId, mobile, limit));
	}

	/** The messages to one mobile or e-mail address, newest first; the caller records the search. */
	public List<Line> toAddress(String address, int limit) {
		return lines(deliveries.toAddress(address, limit));
	}

	private List<Line> lines(List<NotificationDeliveries.Delivery> found) {
		return found.stream()
			.map(delivery -> new Line(delivery.id(), delivery.channel(), delivery.maskedAddress(), delivery.status(), delivery.detail(),
					when(delivery.statusAt()), delivery.preview(),
					deliveries.history(delivery.id()).stream().map(change -> new Step(change.status(), change.detail(), when(change.at()))).toList()))
			.toList();
	}

	/** A moment in China Standard Time: the time alone when it is today by the one clock, else with its date. */
	String when(OffsetDateTime at) {
		if (at == null) {
			return "";
		}
		ZonedDateTime local = at.atZoneSameInstant(Clocks.ZONE);
		LocalDate today = LocalDate.now(clock.withZone(Clocks.ZONE));
		if (local.toLocalDate().equals(today)) {
			return TIME.format(local);
		}
		return local.getYear() == today.getYear() ? THIS_YEAR.format(local) : OTHER_YEAR.format(local);
	}
}
