package tongban.bench;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.hall.booking.BookingRefused;
import tongban.hall.booking.Bookings;
import tongban.hall.booking.Slots;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;

/**
 * The last place of a slot booked by {@code bench.people} (200) people at once (run by {@code bench/booking.sh}, not
 * by the test suite): the slot is filled to one place left, then every person's booking starts at the same moment on
 * its own thread; exactly one may succeed. Baseline in the same run: as many people booking distinct slots at once.
 */
class BookingBench extends IntegrationTest {

	static final String ITEM = "330106-XK-0001-01";

	@Autowired
	Bookings bookings;

	@Autowired
	Slots slots;

	@Autowired
	ServicePoints points;

	@Autowired
	WorkingCalendars calendars;

	record Ask(Actor actor, LocalDate day, LocalTime start) {
	}

	record Outcome(long millis, int booked, int full, int other) {
	}

	@Test
	void theLastPlaceOfASlotGoesToOnePerson() throws Exception {
		int count = Integer.getInteger("bench.people", 200);
		LocalDate today = LocalDate.now().plusWeeks(60);
		while (!calendars.current().isWorkingDay(today)) {
			today = today.plusDays(1);
		}
		clock.set(LocalDateTime.of(today, LocalTime.of(10, 0)));
		ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		Slots.Group group = slots.groupFor(hall.id(), ITEM, false).orElseThrow();
		List<LocalDate> days = slots.days(hall.id());
		LocalDate day = days.getFirst();
		LocalTime start = LocalTime.of(9, 0);
		int capacity = slots.slot(hall.id(), group, day, start).orElseThrow().capacity();
		for (int i = 0; i < capacity - 1; i++) {
			bookings.book(actor("先约" + name(i)), new Bookings.Request(ITEM, hall.id(), day, start));
		}
		List<Ask> last = new ArrayList<>();
		List<Ask> distinct = new ArrayList<>();
		List<Slots.Slot> free = new ArrayList<>();
		days.stream().skip(1).forEach(d -> free.addAll(slots.slots(hall.id(), group, d)));
		for (int i = 0; i < count; i++) {
			last.add(new Ask(actor("抢约" + name(i)), day, start));
			Slots.Slot slot = free.get(i % free.size());
			distinct.add(new Ask(actor("分约" + name(i)), slot.day(), slot.start()));
		}
		Outcome baseline = run(hall, distinct);
		Outcome contested = run(hall, last);
		int finalBooked = slots.slot(hall.id(), group, day, start).orElseThrow().booked();
		System.out.println("BENCH capacity of the slot: " + capacity + ", filled to " + (capacity - 1) + " before the run");
		System.out.println("BENCH last place, " + count + " concurrent: " + contested.millis() + " ms, booked " + contested.booked() + ", refused full "
				+ contested.full() + ", other " + contested.other() + "; slot now " + finalBooked + "/" + capacity);
		System.out.println("BENCH baseline, " + count + " concurrent bookings of " + Math.min(count, free.size()) + " distinct slots: "
				+ baseline.millis() + " ms, booked " + baseline.booked() + ", refused full " + baseline.full() + ", other " + baseline.other());
		System.out.printf("BENCH ratio contested/baseline: %.2f%n", (double) contested.millis() / Math.max(1, baseline.millis()));
		if (contested.booked() != 1 || finalBooked != capacity) {
			throw new AssertionError("the last place was booked " + contested.booked() + " times");
		}
	}

	private static String name(int i) {
		String names = "甲乙丙丁戊己庚辛壬癸";
		return "" + names.charAt(i / 100 % 10) + names.charAt(i / 10 % 10) + names.charAt(i % 10);
	}

	private Actor actor(String name) {
		Citizen c = newCitizen(name, 2);
		return new Actor(c.id(), c.name(), new Party(Party.Kind.CITIZEN, c.id(), c.name()));
	}

	private Outcome run(ServicePoints.ServicePoint hall, List<Ask> asks) throws Exception {
		AtomicInteger booked = new AtomicInteger();
		AtomicInteger full = new AtomicInteger();
		ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		long took;
		try (ExecutorService pool = Executors.newFixedThreadPool(asks.size())) {
			List<Future<?>> futures = new ArrayList<>();
			for (Ask ask : asks) {
				futures.add(pool.submit(() -> {
					go.await();
					try {
						bookings.book(ask.actor(), new Bookings.Request(ITEM, hall.id(), ask.day(), ask.start()));
						booked.incrementAndGet();
					}
					catch (BookingRefused e) {
						if ("hall-booking-full".equals(e.code())) {
							full.incrementAndGet();
						}
						else {
							other.add(e.code());
						}
					}
					return null;
				}));
			}
			long begin = System.nanoTime();
			go.countDown();
			for (Future<?> f : futures) {
				f.get();
			}
			took = (System.nanoTime() - begin) / 1_000_000;
		}
		return new Outcome(took, booked.get(), full.get(), other.size());
	}
}
