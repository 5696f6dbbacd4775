package tongban.hall.booking;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;

import tongban.directory.ServicePoints;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;

/** Tells the person about their booking (templates BOOKING_MADE, BOOKING_REMINDER, BOOKING_CANCELLED, BOOKING_MISSED). */
@Component
class BookingNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final NotificationManagement notifications;
	private final IdentityManagement identity;
	private final ServicePoints points;

	BookingNotices(NotificationManagement notifications, IdentityManagement identity, ServicePoints points) {
		this.notifications = notifications;
		this.identity = identity;
		this.points = points;
	}

	void tell(Booking booking, String event) {
		identity.contact(booking.accountId()).ifPresent(contact -> notifications.notify(
				contact.recipient(), event,
				Map.of("day", DAY.format(booking.day()), "time", TIME.format(booking.startsAt().atZone(Clocks.ZONE)),
						"pointName", points.point(booking.pointId()).map(ServicePoints.ServicePoint::name).orElse(""), "itemName",
						booking.itemName(), "code", booking.code()),
				"/account/bookings/" + booking.id()));
	}
}
