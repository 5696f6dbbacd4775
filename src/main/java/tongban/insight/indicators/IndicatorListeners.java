package tongban.insight.indicators;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents;
import tongban.casework.CaseSubmitted;
import tongban.feedback.RatingCounted;
import tongban.hotline.TicketEvents;
import tongban.hotline.TicketRated;
import tongban.shared.Clocks;

/**
 * Keeps the indicators up to date: every event that changes a fact the indicators count makes the fact be counted
 * again (after the owning module's commit, in a transaction of its own, retried by the event registry if it fails).
 * Reads of shared data are too many for an event each: they are recounted per department for today and yesterday by a
 * scheduled pass, which is safe to run twice.
 */
@Component
class IndicatorListeners {

	private final IndicatorCounting counting;

	IndicatorListeners(IndicatorCounting counting) {
		this.counting = counting;
	}

	@ApplicationModuleListener
	void on(CaseSubmitted event) {
		counting.countCase(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.SupplementRequested event) {
		counting.countCase(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.CaseConcluded event) {
		counting.countCase(event.caseId());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketClosed event) {
		counting.countTicket(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketAnsweredOnCall event) {
		counting.countTicket(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketReopened event) {
		counting.countTicket(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketRated event) {
		counting.countTicket(event.ticketId());
	}

	@ApplicationModuleListener
	void on(RatingCounted event) {
		counting.countRating(event.ratingId());
	}

	/** Today's and yesterday's reads of shared data, per department. */
	@Scheduled(fixedDelayString = "${tongban.insight.reads-recount:5m}", initialDelayString = "${tongban.insight.reads-recount:5m}")
	@SchedulerLock(name = "insight.reads-recount", lockAtMostFor = "PT15M", lockAtLeastFor = "PT4M")
	void recountReads() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		counting.countReads(today.minusDays(1));
		counting.countReads(today);
	}
}
