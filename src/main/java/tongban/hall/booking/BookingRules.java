package tongban.hall.booking;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of appointments ({@code tongban.hall.booking.*}): slot length, bookings each clerk takes per slot, how
 * far ahead one may book, the cut-off for cancelling or moving, the grace after a slot before it counts as missed, and
 * the no-show limit (so many within a window suspend booking for a period).
 */
@Component
public class BookingRules {

	private final Duration slotLength;
	private final int perClerk;
	private final int horizonDays;
	private final Duration cutOff;
	private final Duration grace;
	private final int noShowLimit;
	private final int noShowWindowDays;
	private final int suspensionDays;

	BookingRules(@Value("${tongban.hall.booking.slot-length:30m}") Duration slotLength,
			@Value("${tongban.hall.booking.per-clerk:2}") int perClerk, @Value("${tongban.hall.booking.horizon-days:14}") int horizonDays,
			@Value("${tongban.hall.booking.cut-off:2h}") Duration cutOff, @Value("${tongban.hall.booking.grace:15m}") Duration grace,
			@Value("${tongban.hall.booking.no-show-limit:3}") int noShowLimit,
			@Value("${tongban.hall.booking.no-show-window-days:90}") int noShowWindowDays,
			@Value("${tongban.hall.booking.suspension-days:30}") int suspensionDays) {
		if (slotLength.toMinutes() < 5 || perClerk < 1 || horizonDays < 1 || noShowLimit < 1) {
			throw new IllegalArgumentException("tongban.hall.booking: slots of 5 minutes or more, at least one booking per clerk, "
					+ "a horizon of a day or more and a no-show limit of one or more");
		}
		this.slotLength = slotLength;
		this.perClerk = perClerk;
		this.horizonDays = horizonDays;
		this.cutOff = cutOff;
		this.grace = grace;
		this.noShowLimit = noShowLimit;
		this.noShowWindowDays = noShowWindowDays;
		this.suspensionDays = suspensionDays;
	}

	public Duration slotLength() {
		return slotLength;
	}

	public int perClerk() {
		return perClerk;
	}

	public int horizonDays() {
		return horizonDays;
	}

	public Duration cutOff() {
		return cutOff;
	}

	public Duration grace() {
		return grace;
	}

	public int noShowLimit() {
		return noShowLimit;
	}

	public int noShowWindowDays() {
		return noShowWindowDays;
	}

	public int suspensionDays() {
		return suspensionDays;
	}
}
