package tongban.hall.booking;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.directory.ServicePoints;
import tongban.hall.booking.BookingEvents.BookingCancelled;
import tongban.hall.booking.BookingEvents.BookingMade;
import tongban.hall.booking.BookingEvents.BookingRescheduled;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * 预约: a signed-in person (for themself or a company they act for) books a slot of a point for an item, and may move or
 * cancel it until the cut-off. Every refusal names its reason and books nothing; the slot's row is locked while its
 * count is compared with its capacity, so concurrent bookings never exceed it.
 */
@Service
@Transactional
public class Bookings {

	/** What a booking asks for: the item, the point, the day and the slot's start. */
	public record Request(String itemCode, UUID pointId, LocalDate day, LocalTime start) {
	}

	private final JdbcClient jdbc;
	private final Slots slots;
	private final ServicePoints points;
	private final BookingRules rules;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final BookingNotices notices;
	private final ApplicationEventPublisher events;
	private final GuardedMoves<BookingStatus> moves;
	private final SecureRandom random = new SecureRandom();

	Bookings(JdbcClient jdbc, Slots slots, ServicePoints points, BookingRules rules, CatalogManagement catalog,
			IdentityManagement identity, BookingNotices notices, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.slots = slots;
		this.points = points;
		this.rules = rules;
		this.catalog = catalog;
		this.identity = identity;
		this.notices = notices;
		this.events = events;
		this.moves = new GuardedMoves<>(jdbc, events, BookingTransitions.GRAPH, "hall_booking");
	}

	/** Books a slot; refused ({@link BookingRefused}) with the reason, nothing booked. */
	public Booking book(Actor actor, Request request) {
		PublishedItem item = catalog.published(request.itemCode()).orElseThrow(() -> DomainException.notFound("item"));
		Slots.Slot slot = checkedSlot(actor, item, request, null);
		takePlace(slot);
		UUID id = UUID.randomUUID();
		String code = newCode();
		try {
			jdbc.sql("insert into hall_booking (" + Booking.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, null, null, null, null, null, null)")
				.params(id, code, actor.accountId(), actor.accountName(), actor.party().id(), actor.party().name(), slot.pointId(),
						slot.series().name(), item.code(), item.guide().name(), slot.day(), Timestamp.from(slot.startsAt()),
						Timestamp.from(slot.endsAt()), Timestamp.from(slots.now()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new BookingRefused("slot", "hall-booking-twice");
		}
		events.publishEvent(new BookingMade(id, slot.pointId(), item.code(), slot.startsAt()));
		Booking booking = booking(id).orElseThrow();
		identity.record(actor, "HALL_BOOKED", booking.itemName() + " " + booking.code());
		notices.tell(booking, "BOOKING_MADE");
		return booking;
	}

	/** Moves a booking of the person to another slot (same point and item) until the cut-off; the code stays. */
	public Booking reschedule(Actor actor, UUID bookingId, LocalDate day, LocalTime start) {
		Booking booking = changeable(actor, bookingId);
		PublishedItem item = catalog.published(booking.itemCode()).orElseThrow(() -> DomainException.notFound("item"));
		Slots.Slot slot = checkedSlot(actor, item, new Request(booking.itemCode(), booking.pointId(), day, start), booking.id());
		if (slot.startsAt().equals(booking.startsAt())) {
			throw new BookingRefused("slot", "hall-booking-twice");
		}
		takePlace(slot);
		release(booking);
		moves.move(booking.id(), BookingStatus.BOOKED, BookingStatus.BOOKED, new BookingRescheduled(booking.id(), booking.startsAt(), slot.startsAt()),
				"hall-booking-moved-on", "series = ?, day = ?, starts_at = ?, ends_at = ?, reminded_at = null", slot.series().name(), slot.day(),
				Timestamp.from(slot.startsAt()), Timestamp.from(slot.endsAt()));
		Booking moved = booking(booking.id()).orElseThrow();
		identity.record(actor, "HALL_BOOKING_MOVED", moved.itemName() + " " + moved.code());
		notices.tell(moved, "BOOKING_MADE");
		return moved;
	}

	/** Cancels a booking of the person until the cut-off; the place is free again. */
	public Booking cancel(Actor actor, UUID bookingId) {
		Booking booking = changeable(actor, bookingId);
		release(booking);
		moves.move(booking.id(), BookingStatus.BOOKED, BookingStatus.CANCELLED, new BookingCancelled(booking.id()), "hall-booking-moved-on",
				"cancelled_at = ?", Timestamp.from(slots.now()));
		Booking cancelled = booking(booking.id()).orElseThrow();
		identity.record(actor, "HALL_BOOKING_CANCELLED", cancelled.itemName() + " " + cancelled.code());
		notices.tell(cancelled, "BOOKING_CANCELLED");
		return cancelled;
	}

	/** A booking of this person (the account that booked it); empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<Booking> mine(UUID accountId, UUID bookingId) {
		return booking(bookingId).filter(b -> b.accountId().equals(accountId));
	}

	/** The person's bookings, the coming ones first, then the past ones newest first. */
	@Transactional(readOnly = true)
	public List<Booking> mine(UUID accountId) {
		return jdbc.sql(Booking.SELECT + " where account_id = ? order by (status = 'BOOKED') desc, starts_at desc limit 100")
			.param(accountId)
			.query(Booking.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Booking> booking(UUID id) {
		return jdbc.sql(Booking.SELECT + " where id = ?").param(id).query(Booking.class).optional();
	}

	/** Whether the person may still move or cancel it: booked, and the cut-off before its slot not passed. */
	public boolean changeable(Booking booking) {
		return booking.status() == BookingStatus.BOOKED && slots.now().isBefore(booking.startsAt().minus(rules.cutOff()));
	}

	/** The day until which (exclusive) the person may not book after too many no-shows, if they are suspended. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> suspendedUntil(UUID accountId) {
		Instant since = slots.now().minus(Duration.ofDays(rules.noShowWindowDays()));
		List<LocalDate> missed = jdbc.sql("select day from hall_booking where account_id = ? and status = 'NO_SHOW' and starts_at >= ? order by starts_at desc")
			.params(accountId, Timestamp.from(since))
			.query(LocalDate.class)
			.list();
		if (missed.size() < rules.noShowLimit()) {
			return Optional.empty();
		}
		LocalDate until = missed.getFirst().plusDays(rules.suspensionDays());
		return slots.today().isBefore(until) ? Optional.of(until) : Optional.empty();
	}

	private Booking changeable(Actor actor, UUID bookingId) {
		Booking booking = mine(actor.accountId(), bookingId).orElseThrow(() -> DomainException.notFound("booking"));
		if (booking.status() != BookingStatus.BOOKED) {
			throw new BookingRefused("slot", "hall-booking-moved-on");
		}
		if (!changeable(booking)) {
			throw new BookingRefused("slot", "hall-booking-cut-off", rules.cutOff().toHours());
		}
		return booking;
	}

	/** Every rule a new slot must meet, in the order a person would want to hear them; {@code moving} is left out. */
	private Slots.Slot checkedSlot(Actor actor, PublishedItem item, Request request, UUID moving) {
		ServicePoints.ServicePoint point = request.pointId() == null ? null : points.point(request.pointId()).orElse(null);
		if (point == null) {
			throw new BookingRefused("point", "hall-booking-no-point");
		}
		boolean company = actor.party().kind() == Party.Kind.LEGAL_PERSON;
		Slots.Group group = slots.groupFor(point.id(), item.code(), company).orElseThrow(() -> new BookingRefused("point", "hall-booking-no-point"));
		Optional<LocalDate> suspended = suspendedUntil(actor.accountId());
		if (suspended.isPresent()) {
			throw new BookingRefused("slot", "hall-booking-suspended", suspended.get().toString());
		}
		LocalDate day = request.day();
		if (day == null) {
			throw new BookingRefused("day", "hall-booking-no-day");
		}
		if (day.isBefore(slots.today())) {
			throw new BookingRefused("day", "hall-booking-past");
		}
		if (!slots.withinHorizon(day)) {
			throw new BookingRefused("day", "hall-booking-beyond-horizon", rules.horizonDays());
		}
		if (!points.openOn(point.id(), day)) {
			throw new BookingRefused("day", "hall-booking-closed", points.closure(point.id(), day).orElse("节假日"));
		}
		Slots.Slot slot = request.start() == null ? null : slots.slot(point.id(), group, day, request.start()).orElse(null);
		if (slot == null) {
			throw new BookingRefused("slot", "hall-booking-no-slot");
		}
		if (!slot.startsAt().isAfter(slots.now())) {
			throw new BookingRefused("slot", "hall-booking-past");
		}
		List<Boolean> overlapping = jdbc.sql("""
				select point_id = ? and starts_at = ? from hall_booking where account_id = ? and status = 'BOOKED' and starts_at < ?
				  and ends_at > ? and id is distinct from ?""")
			.params(slot.pointId(), Timestamp.from(slot.startsAt()), actor.accountId(), Timestamp.from(slot.endsAt()),
					Timestamp.from(slot.startsAt()), moving)
			.query(Boolean.class)
			.list();
		if (overlapping.contains(Boolean.TRUE)) {
			throw new BookingRefused("slot", "hall-booking-twice");
		}
		if (!overlapping.isEmpty()) {
			throw new BookingRefused("slot", "hall-booking-overlap");
		}
		return slot;
	}

	/**
	 * Takes a place of the slot under its row lock: the first booking inserts the row, every booking locks it, counts
	 * against the capacity of this moment, and adds one; the lock is held to the end of the booking's transaction.
	 */
	private void takePlace(Slots.Slot slot) {
		jdbc.sql("insert into hall_booking_slot (point_id, series, starts_at) values (?, ?, ?) on conflict do nothing")
			.params(slot.pointId(), slot.series().name(), Timestamp.from(slot.startsAt()))
			.update();
		int booked = jdbc.sql("select booked from hall_booking_slot where point_id = ? and series = ? and starts_at = ? for update")
			.params(slot.pointId(), slot.series().name(), Timestamp.from(slot.startsAt()))
			.query(Integer.class)
			.single();
		if (booked >= slot.capacity()) {
			throw new BookingRefused("slot", "hall-booking-full");
		}
		jdbc.sql("update hall_booking_slot set booked = booked + 1 where point_id = ? and series = ? and starts_at = ?")
			.params(slot.pointId(), slot.series().name(), Timestamp.from(slot.startsAt()))
			.update();
	}

	private void release(Booking booking) {
		jdbc.sql("update hall_booking_slot set booked = greatest(booked - 1, 0) where point_id = ? and series = ? and starts_at = ?")
			.params(booking.pointId(), booking.series().name(), Timestamp.from(booking.startsAt()))
			.update();
	}

	/** Eight random digits no booking has. */
	private String newCode() {
		while (true) {
			String code = String.format("%08d", random.nextInt(100_000_000));
			if (!jdbc.sql("select exists (select 1 from hall_booking where code = ?)").param(code).query(Boolean.class).single()) {
				return code;
			}
		}
	}
}
