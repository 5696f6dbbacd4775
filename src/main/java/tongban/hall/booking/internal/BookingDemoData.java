package tongban.hall.booking.internal;

import java.time.LocalTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.hall.booking.Bookings;
import tongban.hall.booking.Slots;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.shared.DemoData;

/**
 * A demo appointment, after the window staff (order 45): 王小明 has booked 食品经营许可（新办） at 09:00 of the district
 * hall's next opening day on first start (when the item is published and the hall has staff for it), so 我的预约 and
 * the SMS outbox show one, and the clerks' list shows it that day.
 */
@Component
@Order(46)
class BookingDemoData implements ApplicationRunner {

	static final String CITIZEN = "330106199001010018";
	static final String ITEM = "330106-XK-0001-01";

	private final DemoData demo;
	private final IdentityManagement identity;
	private final CatalogManagement catalog;
	private final Slots slots;
	private final Bookings bookings;

	BookingDemoData(DemoData demo, IdentityManagement identity, CatalogManagement catalog, Slots slots, Bookings bookings) {
		this.demo = demo;
		this.identity = identity;
		this.catalog = catalog;
		this.slots = slots;
		this.bookings = bookings;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hall-bookings", () -> identity.citizenByIdNumber(CITIZEN)
			.filter(account -> catalog.published(ITEM).isPresent())
			.ifPresent(account -> slots.pointsFor(ITEM).stream().filter(p -> p.code().equals("XH-ZWFW-DT")).findFirst()
				.ifPresent(hall -> slots.days(hall.id()).stream().findFirst().ifPresent(day -> bookings.book(
						new Actor(account.id(), account.displayName(), new Party(Party.Kind.CITIZEN, account.id(), account.displayName())),
						new Bookings.Request(ITEM, hall.id(), day, LocalTime.of(9, 0)))))));
	}
}
