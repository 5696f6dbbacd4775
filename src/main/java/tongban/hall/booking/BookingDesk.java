package tongban.hall.booking;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.WindowStaff;
import tongban.hall.booking.BookingEvents.BookingCheckedIn;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * The clerk's side of appointments: the bookings of the day at the clerk's own point, and checking a person in by the
 * booking code or their ID card, which takes their queue number ({@link Channel#BOOKING}, called first within the
 * slot). A booking of another point, day or person is "not found". Every check-in is audited.
 */
@Service
@Transactional
public class BookingDesk {

	private final JdbcClient jdbc;
	private final WindowStaff windowStaff;
	private final ServicePoints points;
	private final QueueNumbers numbers;
	private final IdentityManagement identity;
	private final AuditTrail audit;
	private final Slots slots;
	private final GuardedMoves<BookingStatus> moves;

	BookingDesk(JdbcClient jdbc, WindowStaff windowStaff, ServicePoints points, QueueNumbers numbers, IdentityManagement identity,
			AuditTrail audit, Slots slots, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.windowStaff = windowStaff;
		this.points = points;
		this.numbers = numbers;
		this.identity = identity;
		this.audit = audit;
		this.slots = slots;
		this.moves = new GuardedMoves<>(jdbc, events, BookingTransitions.GRAPH, "hall_booking");
	}

	/** The point where the clerk works (the point of their first window), if they are assigned to one. */
	@Transactional(readOnly = true)
	public Optional<ServicePoints.ServicePoint> pointOf(StaffMember clerk) {
		return windowStaff.windowsOf(clerk.id()).stream()
			.map(points::window)
			.flatMap(Optional::stream)
			.findFirst()
			.flatMap(window -> points.point(window.pointId()));
	}

	/** The bookings of a day at the clerk's point, by slot. */
	@Transactional(readOnly = true)
	public List<Booking> day(StaffMember clerk, LocalDate day) {
		UUID point = pointOf(clerk).orElseThrow(() -> DomainException.notFound("service point")).id();
		return jdbc.sql(Booking.SELECT + " where point_id = ? and day = ? and status <> 'CANCELLED' order by starts_at, created_at")
			.params(point, day)
			.query(Booking.class)
			.list();
	}

	/** Checks in the booking with this code: today's, at the clerk's point; anything else is not found. */
	public Booking checkInByCode(StaffMember clerk, String code) {
		UUID point = pointOf(clerk).orElseThrow(() -> DomainException.notFound("booking")).id();
		String typed = code == null ? "" : code.strip();
		Booking booking = typed.matches("[0-9]{8}") ? jdbc.sql(Booking.SELECT + " where code = ? and point_id = ? and day = ?")
			.params(typed, point, slots.today())
			.query(Booking.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("booking")) : null;
		if (booking == null) {
			throw DomainException.notFound("booking");
		}
		return checkIn(clerk, booking, "code");
	}

	/** Checks in the person with this ID number: their first open booking of today at the clerk's point. */
	public Booking checkInByIdNumber(StaffMember clerk, String idNumber) {
		UUID point = pointOf(clerk).orElseThrow(() -> DomainException.notFound("booking")).id();
		UUID account = identity.citizenByIdNumber(idNumber).map(AccountSummary::id).orElseThrow(() -> DomainException.notFound("booking"));
		Booking booking = jdbc.sql(Booking.SELECT + " where account_id = ? and point_id = ? and day = ? and status = 'BOOKED' order by starts_at limit 1")
			.params(account, point, slots.today())
			.query(Booking.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("booking"));
		return checkIn(clerk, booking, "ID card");
	}

	private Booking checkIn(StaffMember clerk, Booking booking, String how) {
		if (booking.status() != BookingStatus.BOOKED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-booking-moved-on", "the booking is " + booking.status());
		}
		QueueTicket ticket = numbers.take(new QueueNumbers.Take(booking.pointId(), booking.series(), Channel.BOOKING, booking.accountId(),
				booking.itemCode(), booking.id(), booking.startsAt()));
		moves.move(booking.id(), BookingStatus.BOOKED, BookingStatus.CHECKED_IN, new BookingCheckedIn(booking.id(), ticket.id()),
				"hall-booking-moved-on", "checked_in_at = ?, checked_in_by = ?, ticket_id = ?, ticket_label = ?", Timestamp.from(slots.now()),
				clerk.id(), ticket.id(), ticket.label());
		audit.record("HALL_BOOKING_CHECK_IN", "staff:" + clerk.id(), "hall_booking:" + booking.id(),
				clerk.name() + " checked in booking " + booking.code() + " by " + how + ": number " + ticket.label());
		return jdbc.sql(Booking.SELECT + " where id = ?").param(booking.id()).query(Booking.class).single();
	}
}
