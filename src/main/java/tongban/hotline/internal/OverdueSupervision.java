package tongban.hotline.internal;

import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.hotline.TicketSupervision;
import tongban.shared.Clocks;

/** Every minute: tickets past their dispatch or answer limit are put under supervision (督办), once each. */
@Component
class OverdueSupervision {

	private static final Logger log = LoggerFactory.getLogger(OverdueSupervision.class);

	private final TicketSupervision supervision;

	OverdueSupervision(TicketSupervision supervision) {
		this.supervision = supervision;
	}

	@Scheduled(fixedDelayString = "${tongban.hotline.supervision-interval:60s}", initialDelayString = "${tongban.hotline.supervision-interval:60s}")
	@SchedulerLock(name = "hotline.overdue-supervision", lockAtMostFor = "PT5M", lockAtLeastFor = "PT50S")
	void run() {
		int n = supervision.superviseOverdue(OffsetDateTime.now(Clocks.ZONE));
		if (n > 0) {
			log.info("hotline tickets put under supervision: {}", n);
		}
	}
}
