package tongban.hall.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The booking graph: everything starts booked, and checked-in, cancelled and missed bookings are ends. */
class BookingTransitionsTest {

	@Test
	void onlyABookedBookingMoves() {
		assertThat(BookingTransitions.GRAPH.terminal()).containsExactlyInAnyOrder(BookingStatus.CHECKED_IN, BookingStatus.CANCELLED,
				BookingStatus.NO_SHOW);
		assertThat(BookingTransitions.GRAPH.next(BookingStatus.BOOKED)).containsExactlyInAnyOrder(BookingStatus.values());
		assertThat(BookingTransitions.GRAPH.allows(BookingStatus.NO_SHOW, BookingStatus.CHECKED_IN)).isFalse();
		assertThat(BookingTransitions.GRAPH.mermaid(BookingStatus.BOOKED)).contains("BOOKED --> NO_SHOW : BookingMissed");
	}
}
