package tongban.hall.booking;

import java.time.Instant;
import java.util.UUID;

/** The facts of an appointment's life, published along the edges of {@link BookingTransitions#GRAPH}. */
public final class BookingEvents {

	private BookingEvents() {
	}

	/** A slot was booked. */
	public record BookingMade(UUID bookingId, UUID pointId, String itemCode, Instant startsAt) {
	}

	/** A booking moved to another slot (same code). */
	public record BookingRescheduled(UUID bookingId, Instant from, Instant to) {
	}

	/** The person cancelled before the cut-off. */
	public record BookingCancelled(UUID bookingId) {
	}

	/** The person came and took a queue number with the booking. */
	public record BookingCheckedIn(UUID bookingId, UUID ticketId) {
	}

	/** Nobody checked in by the end of the slot and its grace. */
	public record BookingMissed(UUID bookingId, UUID accountId) {
	}
}
