package tongban.hall.booking.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.hall.booking.BookingPasses;

/** Runs the booking passes: reminders every hour of the day (one per booking), missed bookings every five minutes. */
@Component
class BookingSchedule {

	private final BookingPasses passes;

	BookingSchedule(BookingPasses passes) {
		this.passes = passes;
	}

	@Scheduled(cron = "${tongban.hall.booking.reminder-cron:0 0 9-20 * * *}", zone = "Asia/Shanghai")
	void remind() {
		passes.remind();
	}

	@Scheduled(fixedDelayString = "${tongban.hall.booking.no-show-interval:5m}", initialDelayString = "${tongban.hall.booking.no-show-interval:5m}")
	void markNoShows() {
		passes.markNoShows();
	}
}
