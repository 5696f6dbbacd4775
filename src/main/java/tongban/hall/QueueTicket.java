package tongban.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A queue number: {@code label} (A007) is unique for its point, day and series; {@code token} (256 random bits) opens
 * the number's own page (position, estimated wait) without an account, as the kiosk's receipt carries it.
 */
public record QueueTicket(UUID id, UUID pointId, LocalDate day, Series series, int number, String label, String token,
		Channel channel, UUID accountId, String itemCode, UUID bookingId, Instant slotStart, TicketStatus status,
		Instant takenAt, Instant calledAt, UUID windowId, UUID clerkAccountId, Instant closedAt) {
}
