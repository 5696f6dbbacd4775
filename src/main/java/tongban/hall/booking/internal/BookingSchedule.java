package tongban.hall.booking.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

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
	@SchedulerLock(name = "hall.booking-reminders", lockAtMostFor = "PT55M", lockAtLeastFor = "PT55M")
	void remind() {
		passes.remind();
	}

	@Scheduled(fixedDelayString = "${tongban.hall.booking.no-show-interval:5m}", initialDelayString = "${tongban.hall.booking.no-show-interval:5m}")
	@SchedulerLock(name = "hall.booking-no-shows", lockAtMostFor = "PT15M", lockAtLeastFor = "PT4M")
	void markNoShows() {
		passes.markNoShows();
	}
}
