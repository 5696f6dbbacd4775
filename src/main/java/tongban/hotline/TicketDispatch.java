package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.conflict;
import static tongban.hotline.internal.domain.TicketRepository.invalid;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.hotline.TicketEvents.TicketDispatched;
import tongban.hotline.TicketEvents.TicketMerged;
import tongban.hotline.TicketEvents.TicketReassigned;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.hotline.internal.domain.TicketRepository.LogLine;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;

/**
 * The dispatcher's work: 派单 by the dispatch catalogue's suggestion or by hand (重新派单 after a return), and merging a
 * duplicate into the ticket it repeats.
 */
@Service
public class TicketDispatch {

	private final TicketRepository tickets;
	private final Tickets reading;
	private final HotlineCatalogue catalogue;
	private final HotlineSettings settings;
	private final WorkingCalendars calendars;
	private final DirectoryManagement directory;

	TicketDispatch(TicketRepository tickets, Tickets reading, HotlineCatalogue catalogue, HotlineSettings settings,
			WorkingCalendars calendars, DirectoryManagement directory) {
		this.tickets = tickets;
		this.reading = reading;
		this.catalogue = catalogue;
		this.settings = settings;
		this.calendars = calendars;
		this.directory = directory;
	}

	/** The catalogue's suggestion for a ticket, if the catalogue covers its category and region. */
	public Optional<HotlineCatalogue.Assignment> suggestion(Ticket ticket) {
		return catalogue.assignment(ticket.categoryCode(), ticket.regionCode());
	}

	/** 派单 (or 重新派单 after a return): the answer clock starts at dispatch. */
	@Transactional
	public void dispatch(TicketId id, String operatorName, String leadDepartment, List<String> assisting) {
		dispatch(tickets.require(id), operatorName, leadDepartment, assisting);
	}

	/**
	 * As {@link #dispatch(TicketId, String, String, List)}, for a ticket the caller has just read (the move is guarded
	 * by its status, so a ticket changed since is refused as a conflict).
	 */
	@Transactional
	public void dispatch(Ticket ticket, String operatorName, String leadDepartment, List<String> assisting) {
		TicketId id = ticket.id();
		if (!TicketStatus.AWAITING_DISPATCH.contains(ticket.status())) {
			throw conflict("hotline-not-dispatchable");
		}
		if (leadDepartment == null || directory.departmentByCode(leadDepartment).isEmpty()) {
			throw invalid("hotline-department-unknown");
		}
		List<String> assist = assisting == null ? List.of()
				: assisting.stream().filter(a -> a != null && !a.isBlank() && !a.equals(leadDepartment)).distinct().toList();
		for (String department : assist) {
			if (directory.departmentByCode(department).isEmpty()) {
				throw invalid("hotline-department-unknown");
			}
		}
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		OffsetDateTime answerDue = HotlineSettings.due(now, ticket.complex() ? settings.complexLimit()
				: settings.answerLimit(ticket.type(), ticket.urgency()), calendars.current());
		boolean again = ticket.status() == TicketStatus.RETURNED;
		String names = reading.departmentName(leadDepartment) + (assist.isEmpty() ? ""
				: "；协办：" + String.join("、", assist.stream().map(reading::departmentName).toList()));
		tickets.move(id, ticket.status(), TicketStatus.DISPATCHED, again ? new TicketReassigned(id) : new TicketDispatched(id),
				"hotline-not-dispatchable", new LogLine(again ? "REASSIGNED" : "DISPATCHED", operatorName, leadDepartment, "承办：" + names, true),
				"lead_department = ?, assisting = ?, dispatched_at = ?, answer_due = ?", leadDepartment, assist.toArray(String[]::new), now,
				answerDue);
	}

	/** Merges a duplicate into an open ticket: the duplicate closes as 已合并 and follows the other's answer. */
	@Transactional
	public void merge(TicketId id, String intoNumber, String operatorName) {
		Ticket duplicate = tickets.require(id);
		Ticket into = reading.byNumber(intoNumber).orElseThrow(() -> invalid("hotline-merge-target"));
		if (into.id().equals(duplicate.id()) || !into.open()) {
			throw invalid("hotline-merge-target");
		}
		tickets.move(id, duplicate.status(), TicketStatus.MERGED, new TicketMerged(id, into.id()), "hotline-not-mergeable",
				"merged_into = ?, closed_at = now()", into.id().value());
		tickets.log(id, "MERGED", operatorName, null, "与诉求 " + into.number() + " 重复，合并办理", true);
		tickets.log(into.id(), "MERGED_IN", operatorName, null, "合并了重复诉求 " + duplicate.number(), false);
	}
}
