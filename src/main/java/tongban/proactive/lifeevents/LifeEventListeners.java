package tongban.proactive.lifeevents;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.casework.CaseSubmitted;
import tongban.exchange.RegisterRecordChanged;
import tongban.licence.LicenceIssued;
import tongban.shared.Clocks;

/**
 * What starts the evaluation of life-event rules: other modules' facts, each after its transaction committed (a
 * register record changed, a licence issued, a case submitted, which acts on a recommendation of its item), and the
 * nightly pass at 01:30 Asia/Shanghai, which may run twice without recommending twice.
 */
@Component
class LifeEventListeners {

	private final LifeEvents lifeEvents;
	private final Recommendations recommendations;

	LifeEventListeners(LifeEvents lifeEvents, Recommendations recommendations) {
		this.lifeEvents = lifeEvents;
		this.recommendations = recommendations;
	}

	@ApplicationModuleListener
	void on(RegisterRecordChanged changed) {
		lifeEvents.recordChanged(changed.resourceCode(), changed.subjectIndex(), LocalDate.now(Clocks.ZONE));
	}

	@ApplicationModuleListener
	void on(LicenceIssued issued) {
		lifeEvents.licenceIssued(issued.licenceId(), LocalDate.now(Clocks.ZONE));
	}

	@ApplicationModuleListener
	void on(CaseSubmitted submitted) {
		if (submitted.applicantAccountId() != null) {
			recommendations.acted(submitted.applicantAccountId(), submitted.itemCode(), submitted.caseNumber());
		}
	}

	@Scheduled(cron = "${tongban.proactive.life-events-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "proactive.life-events", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void nightly() {
		lifeEvents.nightly(LocalDate.now(Clocks.ZONE));
	}
}
