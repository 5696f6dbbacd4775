package tongban.licence.internal;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.licence.LicenceManagement;
import tongban.shared.Clocks;

/** Every morning at nine (Asia/Shanghai), applicants of licences expiring within 30 days are reminded, once. */
@Component
class ExpiryReminders {

	private final LicenceManagement licences;

	ExpiryReminders(LicenceManagement licences) {
		this.licences = licences;
	}

	@Scheduled(cron = "${tongban.licence.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "licence.expiry-reminders", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void remind() {
		licences.remindExpiring(LocalDate.now(Clocks.ZONE));
	}
}
