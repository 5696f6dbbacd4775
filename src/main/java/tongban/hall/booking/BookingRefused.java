package tongban.hall.booking;

import tongban.shared.DomainException;

/**
 * A booking refused for a reason the person can act on: the stable code ({@code hall-booking-full} …) and the field of
 * the booking page it belongs beside (point, day or slot). Nothing is booked when it is raised.
 */
public class BookingRefused extends DomainException {

	private final String field;

	public BookingRefused(String field, String code, Object... args) {
		super(Kind.CONFLICT, code, code, args);
		this.field = field;
	}

	/** The page's field the reason is shown beside: {@code point}, {@code day} or {@code slot}. */
	public String field() {
		return field;
	}
}
