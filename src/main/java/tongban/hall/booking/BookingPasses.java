package tongban.hall.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hall.booking.BookingEvents.BookingMissed;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * The scheduled passes over bookings, each safe to run twice or on two nodes at once: the reminder the day before
 * (a booking is claimed by setting its {@code reminded_at}, so it is reminded once) and marking bookings nobody checked
 * in by the end of the slot and its grace as missed (a guarded move: a booking moves once).
 */
@Service
public class BookingPasses {

	private final JdbcClient jdbc;
	private final Slots slots;
	private final BookingRules rules;
	private final BookingNotices notices;
	private final GuardedMoves<BookingStatus> moves;

	BookingPasses(JdbcClient jdbc, Slots slots, BookingRules rules, BookingNotices notices, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.slots = slots;
		this.rules = rules;
		this.notices = notices;
		this.moves = new GuardedMoves<>(jdbc, events, BookingTransitions.GRAPH, "hall_booking");
	}

	/** Reminds everyone booked for tomorrow who has not been reminded; returns how many were reminded. */
	@Transactional
	public int remind() {
		List<UUID> claimed = jdbc.sql("update hall_booking set reminded_at = ? where status = 'BOOKED' and day = ? and reminded_at is null returning id")
			.params(Timestamp.from(slots.now()), slots.today().plusDays(1))
			.query(UUID.class)
			.list();
		claimed.forEach(id -> notices.tell(jdbc.sql(Booking.SELECT + " where id = ?").param(id).query(Booking.class).single(), "BOOKING_REMINDER"));
		return claimed.size();
	}

	/** Marks bookings whose slot ended more than the grace ago without a check-in as missed; returns how many. */
	@Transactional
	public int markNoShows() {
		Instant before = slots.now().minus(rules.grace());
		List<Booking> missed = jdbc.sql(Booking.SELECT + " where status = 'BOOKED' and ends_at < ? order by ends_at limit 500")
			.param(Timestamp.from(before))
			.query(Booking.class)
			.list();
		int moved = 0;
		for (Booking booking : missed) {
			try {
				moves.move(booking.id(), BookingStatus.BOOKED, BookingStatus.NO_SHOW, new BookingMissed(booking.id(), booking.accountId()),
						"hall-booking-moved-on", "");
				notices.tell(booking, "BOOKING_MISSED");
				moved++;
			}
			catch (DomainException e) {
				// checked in or marked by another pass meanwhile
			}
		}
		return moved;
	}
}
