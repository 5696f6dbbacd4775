package tongban.hall.booking;

import tongban.hall.booking.BookingEvents.BookingCancelled;
import tongban.hall.booking.BookingEvents.BookingCheckedIn;
import tongban.hall.booking.BookingEvents.BookingMissed;
import tongban.hall.booking.BookingEvents.BookingRescheduled;
import tongban.shared.StateGraph;

/**
 * The moves of an appointment: a booked slot is moved (rescheduled) or cancelled until the cut-off, checked in on the
 * day, or missed once its slot and grace are over. Checked-in, cancelled and missed bookings are the ends of the story.
 */
public final class BookingTransitions {

	/** Every allowed move with the event it publishes. */
	public static final StateGraph<BookingStatus> GRAPH = StateGraph.of(BookingStatus.class)
		.edge(BookingStatus.BOOKED, BookingStatus.BOOKED, BookingRescheduled.class)
		.edge(BookingStatus.BOOKED, BookingStatus.CANCELLED, BookingCancelled.class)
		.edge(BookingStatus.BOOKED, BookingStatus.CHECKED_IN, BookingCheckedIn.class)
		.edge(BookingStatus.BOOKED, BookingStatus.NO_SHOW, BookingMissed.class)
		.build("hall-booking-moved-on");

	private BookingTransitions() {
	}
}
