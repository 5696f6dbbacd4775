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
import tongban.insight.indicators.CountedFacts.Source;
import tongban.shared.Clocks;

/**
 * Keeps the indicators up to date: every event that changes a fact the indicators count marks the fact due (after the
 * owning module's commit, in a transaction of its own, retried by the event registry if it fails), and the counting
 * pass counts the marked facts within a second, many in one transaction (ADR 0057).
 * Reads of shared data are too many for an event each: they are recounted per department for today and yesterday by a
 * scheduled pass, which is safe to run twice.
 */
@Component
class IndicatorListeners {

	private final IndicatorCounting counting;
	private final DueFacts due;
	private final CountingPass pass;

	IndicatorListeners(IndicatorCounting counting, DueFacts due, CountingPass pass) {
		this.counting = counting;
		this.due = due;
		this.pass = pass;
	}

	@ApplicationModuleListener
	void on(CaseSubmitted event) {
		due.mark(Source.CASE, event.caseId().value().toString());
	}

	@ApplicationModuleListener
	void on(CaseEvents.SupplementRequested event) {
		due.mark(Source.CASE, event.caseId().value().toString());
	}

	@ApplicationModuleListener
	void on(CaseEvents.CaseConcluded event) {
		due.mark(Source.CASE, event.caseId().value().toString());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketClosed event) {
		due.mark(Source.TICKET, event.ticketId().value().toString());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketAnsweredOnCall event) {
		due.mark(Source.TICKET, event.ticketId().value().toString());
	}

	@ApplicationModuleListener
	void on(TicketEvents.TicketReopened event) {
		due.mark(Source.TICKET, event.ticketId().value().toString());
	}

	@ApplicationModuleListener
	void on(TicketRated event) {
		due.mark(Source.TICKET, event.ticketId().value().toString());
	}

	@ApplicationModuleListener
	void on(RatingCounted event) {
		due.mark(Source.RATING, event.ratingId().toString());
	}

	/** The counting pass ({@link CountingPass}), once a second and on one node of the cluster. */
	@Scheduled(fixedDelayString = "${tongban.insight.count-interval:1s}", initialDelayString = "${tongban.insight.count-interval:1s}")
	@SchedulerLock(name = "insight.count-due", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0.5S")
	void countDue() {
		pass.run();
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
