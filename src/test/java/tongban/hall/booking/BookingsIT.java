package tongban.hall.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.hall.QueueNumbers;
import tongban.hall.Series;
import tongban.hall.WindowStaff;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * Appointments on the demo network: slots from hours and staff, every refusal (nothing booked), concurrent bookings of
 * one slot, the cut-off, reminders once, no-shows and the suspension, and the clerk's check-in. Each test runs on days
 * of its own (the clock set weeks ahead) so the slots it fills are its own.
 */
class BookingsIT extends IntegrationTest {

	static final String ITEM = "330106-GF-0004-01";
	static final String FOOD = "330106-XK-0001-01";

	/** Names may not carry digits. */
	static final String NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

	@Autowired
	Slots slots;

	@Autowired
	Bookings bookings;

	@Autowired
	BookingDesk desk;

	@Autowired
	BookingPasses passes;

	@Autowired
	ServicePoints points;

	@Autowired
	WindowStaff windowStaff;

	@Autowired
	QueueNumbers numbers;

	@Autowired
	WorkingCalendars calendars;

	ServicePoints.ServicePoint xixi;
	ServicePoints.ServicePoint district;
	People.Staff xixiClerk;

	@BeforeAll
	void staffAtXixi() {
		xixi = points.pointByCode("XH-BM-XX").orElseThrow();
		district = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		xixiClerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "西溪窗口");
		windowStaff.assign(points.windowsServing(xixi.id(), ITEM).getFirst().id(), xixiClerk.id());
	}

	/** Sets the clock to 10:00 of a working day {@code weeks} weeks from now and returns it. */
	private LocalDate at(int weeks) {
		LocalDate day = LocalDate.now().plusWeeks(weeks);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		return day;
	}

	private static Actor actor(Citizen c) {
		return new Actor(c.id(), c.name(), new Party(Party.Kind.CITIZEN, c.id(), c.name()));
	}

	private Slots.Group group(ServicePoints.ServicePoint point, String item) {
		return slots.groupFor(point.id(), item, false).orElseThrow();
	}

	private String refusal(Runnable booking) {
		return catchThrowableOfType(BookingRefused.class, booking::run).code();
	}

	private long bookingsOf(Citizen c) {
		return jdbc.sql("select count(*) from hall_booking where account_id = ?").param(c.id()).query(Long.class).single();
	}

	@Test
	void slotsFollowTheHoursAndTheStaffOfTheWindowGroup() {
		LocalDate today = at(10);
		Slots.Group group = group(district, FOOD);
		assertThat(group.series()).isEqualTo(Series.A);
		long staff = points.windowsServing(district.id(), FOOD).stream()
			.filter(w -> w.series().equals("A"))
			.flatMap(w -> windowStaff.staffOf(w.id()).stream())
			.distinct()
			.count();
		assertThat(group.staff()).isEqualTo((int) staff).isGreaterThanOrEqualTo(2);
		LocalDate day = slots.days(district.id()).getFirst();
		List<Slots.Slot> ofDay = slots.slots(district.id(), group, day);
		// 09:00-12:00 and 13:30-17:00 in 30 minutes: 6 + 7
		assertThat(ofDay).hasSize(13);
		assertThat(ofDay.getFirst().label()).isEqualTo("09:00-09:30");
		assertThat(ofDay.get(6).label()).isEqualTo("13:30-14:00");
		assertThat(ofDay).allSatisfy(s -> assertThat(s.capacity()).isEqualTo(group.staff() * 2));
		// from tomorrow to 14 days ahead, working days only
		assertThat(slots.days(district.id())).allSatisfy(d -> {
			assertThat(d).isAfter(today).isBeforeOrEqualTo(today.plusDays(14));
			assertThat(calendars.current().isWorkingDay(d)).isTrue();
		});
		// a village point without staff at a window serving the item offers no slots; the 企业 group for a company
		assertThat(slots.pointsFor(FOOD)).extracting(ServicePoints.ServicePoint::code).containsExactly("XH-ZWFW-DT");
		assertThat(slots.pointsFor(ITEM)).extracting(ServicePoints.ServicePoint::code).contains("XH-ZWFW-DT", "XH-BM-XX");
	}

	@Test
	void refusalsNameTheReasonAndBookNothing() {
		at(12);
		Citizen person = newCitizen("预约甲", 2);
		Slots.Group group = group(xixi, ITEM);
		LocalDate day = slots.days(xixi.id()).getFirst();
		// a holiday (national day) and a closure of the point
		LocalDate national = LocalDate.of(2026, 10, 2);
		clock.set(LocalDateTime.of(2026, 9, 25, 10, 0));
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), national, LocalTime.of(9, 0)))))
			.isEqualTo("hall-booking-closed");
		at(12);
		LocalDate closed = slots.days(xixi.id()).get(1);
		jdbc.sql("insert into directory_point_closure (point_id, day, reason) values (?, ?, '停电检修')").params(xixi.id(), closed).update();
		assertThat(slots.days(xixi.id())).doesNotContain(closed);
		assertThat(catchThrowableOfType(BookingRefused.class,
				() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), closed, LocalTime.of(9, 0)))).args())
			.containsExactly("停电检修");
		// past, beyond the horizon, not a slot (lunch break)
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), slots.today().minusDays(1), LocalTime.of(9, 0)))))
			.isEqualTo("hall-booking-past");
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), slots.today().plusDays(20), LocalTime.of(9, 0)))))
			.isEqualTo("hall-booking-beyond-horizon");
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(12, 30)))))
			.isEqualTo("hall-booking-no-slot");
		assertThat(bookingsOf(person)).isZero();

		// full: the slot's capacity taken by others
		LocalTime nine = LocalTime.of(9, 0);
		int capacity = slots.slot(xixi.id(), group, day, nine).orElseThrow().capacity();
		for (int i = 0; i < capacity; i++) {
			bookings.book(actor(newCitizen("占位" + NAMES.charAt(i % NAMES.length()), 2)), new Bookings.Request(ITEM, xixi.id(), day, nine));
		}
		assertThat(slots.slot(xixi.id(), group, day, nine).orElseThrow().left()).isZero();
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, nine)))).isEqualTo("hall-booking-full");
		assertThat(bookingsOf(person)).isZero();

		// twice the same slot, or another point at the same time
		Booking first = bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(10, 0)));
		assertThat(first.code()).matches("[0-9]{8}");
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(10, 0)))))
			.isEqualTo("hall-booking-twice");
		assertThat(refusal(() -> bookings.book(actor(person), new Bookings.Request(ITEM, district.id(), day, LocalTime.of(10, 0)))))
			.isEqualTo("hall-booking-overlap");
		assertThat(bookingsOf(person)).isOne();
	}

	@Test
	void concurrentBookingsNeverExceedTheCapacity() throws Exception {
		at(14);
		LocalDate day = slots.days(xixi.id()).getFirst();
		LocalTime start = LocalTime.of(14, 0);
		int capacity = slots.slot(xixi.id(), group(xixi, ITEM), day, start).orElseThrow().capacity();
		List<Citizen> people = new ArrayList<>();
		for (int i = 0; i < capacity + 10; i++) {
			people.add(newCitizen("抢约" + NAMES.charAt(i % NAMES.length()), 2));
		}
		ConcurrentLinkedQueue<String> booked = new ConcurrentLinkedQueue<>();
		AtomicInteger full = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<?>> futures = new ArrayList<>();
			for (Citizen c : people) {
				futures.add(pool.submit(() -> {
					go.await();
					try {
						booked.add(bookings.book(actor(c), new Bookings.Request(ITEM, xixi.id(), day, start)).code());
					}
					catch (BookingRefused e) {
						assertThat(e.code()).isEqualTo("hall-booking-full");
						full.incrementAndGet();
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> f : futures) {
				f.get();
			}
		}
		assertThat(booked).hasSize(capacity).doesNotHaveDuplicates();
		assertThat(full).hasValue(10);
		assertThat(slots.slot(xixi.id(), group(xixi, ITEM), day, start).orElseThrow().booked()).isEqualTo(capacity);
	}

	@Test
	void movesAndCancellationsStopAtTheCutOff() {
		LocalDate today = at(16);
		Citizen person = newCitizen("改约乙", 2);
		LocalDate day = slots.days(xixi.id()).getFirst();
		Booking booking = bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(9, 30)));
		Booking moved = bookings.reschedule(actor(person), booking.id(), day, LocalTime.of(15, 0));
		assertThat(moved.code()).isEqualTo(booking.code());
		assertThat(moved.status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(slots.slot(xixi.id(), group(xixi, ITEM), day, LocalTime.of(9, 30)).orElseThrow().booked()).isZero();
		assertThat(slots.slot(xixi.id(), group(xixi, ITEM), day, LocalTime.of(15, 0)).orElseThrow().booked()).isOne();
		// someone else's booking is not found
		Citizen other = newCitizen("他人", 2);
		assertThat(catchThrowableOfType(DomainException.class, () -> bookings.cancel(actor(other), booking.id())).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		// within two hours of the slot: refused
		clock.set(LocalDateTime.of(day, LocalTime.of(13, 30)));
		assertThat(refusal(() -> bookings.cancel(actor(person), booking.id()))).isEqualTo("hall-booking-cut-off");
		assertThat(refusal(() -> bookings.reschedule(actor(person), booking.id(), day, LocalTime.of(16, 0)))).isEqualTo("hall-booking-cut-off");
		clock.set(LocalDateTime.of(day, LocalTime.of(12, 59)));
		assertThat(bookings.cancel(actor(person), booking.id()).status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(slots.slot(xixi.id(), group(xixi, ITEM), day, LocalTime.of(15, 0)).orElseThrow().booked()).isZero();
		assertThat(today).isBefore(day);
	}

	@Test
	void theDayBeforeEachBookingIsRemindedOnce() {
		LocalDate today = at(18);
		Citizen person = newCitizen("提醒丙", 2);
		LocalDate tomorrow = slots.days(xixi.id()).getFirst();
		Booking booking = bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), tomorrow, LocalTime.of(11, 0)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastSms(person.mobile())).contains(booking.code()).contains("已预约"));
		clock.set(LocalDateTime.of(tomorrow.minusDays(1), LocalTime.of(18, 0)));
		passes.remind();
		passes.remind();
		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'BOOKING_REMINDER'")
			.param(person.id())
			.query(Long.class)
			.single()).isOne();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastSms(person.mobile())).contains("提醒").contains(booking.code()));
		assertThat(today).isBefore(tomorrow);
	}

	@Test
	void threeNoShowsWithinNinetyDaysSuspendBookingForThirtyDays() {
		at(20);
		Citizen person = newCitizen("爽约丁", 2);
		List<LocalDate> days = slots.days(xixi.id());
		for (int i = 0; i < 3; i++) {
			bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), days.get(i), LocalTime.of(16, 30)));
		}
		clock.set(LocalDateTime.of(days.get(2), LocalTime.of(17, 16)));
		assertThat(passes.markNoShows()).isGreaterThanOrEqualTo(3);
		assertThat(passes.markNoShows()).isZero();
		assertThat(bookings.mine(person.id())).extracting(Booking::status).containsOnly(BookingStatus.NO_SHOW);
		LocalDate until = days.get(2).plusDays(30);
		assertThat(bookings.suspendedUntil(person.id())).contains(until);
		BookingRefused refused = catchThrowableOfType(BookingRefused.class,
				() -> bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), slots.days(xixi.id()).getFirst(), LocalTime.of(9, 0))));
		assertThat(refused.code()).isEqualTo("hall-booking-suspended");
		assertThat(refused.args()).containsExactly(until.toString());
		clock.set(LocalDateTime.of(until, LocalTime.of(10, 0)));
		assertThat(bookings.suspendedUntil(person.id())).isEmpty();
	}

	@Test
	void theClerkChecksInBookingsOfTheirOwnPointOnlyAndTheNumberIsTheBookings() {
		at(22);
		Citizen person = newCitizen("报到戊", 2);
		Citizen second = newCitizen("报到己", 2);
		LocalDate day = slots.days(xixi.id()).getFirst();
		Booking booking = bookings.book(actor(person), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(10, 0)));
		Booking other = bookings.book(actor(second), new Bookings.Request(ITEM, xixi.id(), day, LocalTime.of(10, 30)));
		var clerk = people.signedIn(xixiClerk);
		People.Staff elsewhere = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "绕城代办");
		windowStaff.assign(points.windows(points.pointByCode("XH-DB-RC").orElseThrow().id()).getFirst().id(), elsewhere.id());
		clock.set(LocalDateTime.of(day, LocalTime.of(9, 50)));
		assertThat(desk.day(clerk, day)).extracting(Booking::code).contains(booking.code(), other.code());
		// another point's clerk, and a wrong code: not found
		assertThat(catchThrowableOfType(DomainException.class, () -> desk.checkInByCode(people.signedIn(elsewhere), booking.code())).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(DomainException.class, () -> desk.checkInByCode(clerk, "00000000x")).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		Booking checkedIn = desk.checkInByCode(clerk, booking.code());
		assertThat(checkedIn.status()).isEqualTo(BookingStatus.CHECKED_IN);
		var ticket = numbers.ticket(checkedIn.ticketId()).orElseThrow();
		assertThat(ticket.channel()).isEqualTo(Channel.BOOKING);
		assertThat(ticket.bookingId()).isEqualTo(booking.id());
		assertThat(ticket.slotStart()).isEqualTo(booking.startsAt());
		assertThat(checkedIn.ticketLabel()).isEqualTo(ticket.label()).startsWith("A");
		assertThat(catchThrowableOfType(DomainException.class, () -> desk.checkInByCode(clerk, booking.code())).code())
			.isEqualTo("hall-booking-moved-on");
		// by ID card: the person's booking of today here
		assertThat(desk.checkInByIdNumber(clerk, second.idNumber()).id()).isEqualTo(other.id());
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'HALL_BOOKING_CHECK_IN' and subject in (?, ?)")
			.params("hall_booking:" + booking.id(), "hall_booking:" + other.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		// a checked-in booking is never a no-show
		clock.set(LocalDateTime.of(day, LocalTime.of(17, 0)));
		passes.markNoShows();
		assertThat(bookings.booking(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.CHECKED_IN);
	}
}
