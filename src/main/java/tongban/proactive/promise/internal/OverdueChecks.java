package tongban.proactive.promise.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.proactive.promise.PromiseChecks;
import tongban.shared.Clocks;

/** Every morning: post-approval checks past their deadline are marked overdue, once each (a second run finds none). */
@Component
class OverdueChecks {

	private static final Logger log = LoggerFactory.getLogger(OverdueChecks.class);

	private final PromiseChecks checks;

	OverdueChecks(PromiseChecks checks) {
		this.checks = checks;
	}

	@Scheduled(cron = "${tongban.proactive.promise.overdue-cron:0 10 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "proactive.promise-overdue", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void run() {
		int n = checks.markOverdue(LocalDate.now(Clocks.ZONE));
		if (n > 0) {
			log.info("promise checks overdue: {}", n);
		}
	}
}
