package tongban.hall;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A queue number: {@code label} (A007) is unique for its point, day and series; {@code token} (256 random bits) opens
 * the number's own page (position, estimated wait) without an account, as the kiosk's receipt carries it.
 * {@code waitingSeries} is the series whose windows call it (its own unless transferred), {@code placeAt} its place
 * there (the taking time, kept on a transfer); {@code targetWindowId} a transfer to one window; {@code feedbackToken}
 * the 好差评 visit opened when the visit was closed.
 */
public record QueueTicket(UUID id, UUID pointId, LocalDate day, Series series, int number, String label, String token,
		Channel channel, UUID accountId, String itemCode, UUID bookingId, Instant slotStart, TicketStatus status,
		Instant takenAt, Instant calledAt, UUID windowId, UUID clerkAccountId, Instant closedAt, Series waitingSeries,
		Instant placeAt, UUID targetWindowId, String priorityReason, Instant servedAt, int recalls, UUID feedbackVisitId,
		String feedbackToken) implements Serializable {

	/** Whether the number is still to be served (waiting, called, or skipped and callable again). */
	public boolean open() {
		return status == TicketStatus.WAITING || status == TicketStatus.CALLED || status == TicketStatus.SKIPPED
				|| status == TicketStatus.SERVING;
	}
}
