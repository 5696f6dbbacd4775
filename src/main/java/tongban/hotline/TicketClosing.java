package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.conflict;
import static tongban.hotline.internal.domain.TicketRepository.invalid;
import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.time.OffsetDateTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.TicketEvents.TicketAnsweredOnCall;
import tongban.hotline.TicketEvents.TicketClosed;
import tongban.hotline.TicketEvents.TicketReopened;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.hotline.internal.domain.TicketRepository.LogLine;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;

/**
 * The end of a ticket: 办结 by the operator once answered, then 回访 and 评价 (GB/T 33357): the operator records what the
 * person said on the revisit call, or the person rates on the follow page; once per ticket. An unsatisfied answer sends
 * the ticket back to the same department once (重办).
 */
@Service
public class TicketClosing {

	private final TicketRepository tickets;
	private final JdbcClient jdbc;
	private final HotlineSettings settings;
	private final WorkingCalendars calendars;
	private final ApplicationEventPublisher events;

	TicketClosing(TicketRepository tickets, JdbcClient jdbc, HotlineSettings settings, WorkingCalendars calendars,
			ApplicationEventPublisher events) {
		this.events = events;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.settings = settings;
		this.calendars = calendars;
	}

	/** 办结: the operator closes an answered ticket. */
	@Transactional
	public void close(TicketId id, String operatorName, String note) {
		close(tickets.require(id), operatorName, note);
	}

	/** As {@link #close(TicketId, String, String)}, for a ticket the caller has just read. */
	@Transactional
	public void close(Ticket ticket, String operatorName, String note) {
		TicketId id = ticket.id();
		tickets.move(id, TicketStatus.REPLIED, TicketStatus.CLOSED, new TicketClosed(id), "hotline-not-closable",
				new LogLine("CLOSED", operatorName, null, trim(note).isEmpty() ? "已办结" : trim(note), true), "closed_at = now()");
	}

	/**
	 * 当场答复: the operator answers a new consultation on the call with a suggested answer, which closes it; the
	 * answer is the suggestion's text as the knowledge base holds it, and the history records which one.
	 */
	@Transactional
	public void answerOnCall(TicketId id, String operatorName, AnswerSuggestions.SuggestedAnswer answer) {
		Ticket ticket = tickets.require(id);
		if (ticket.status() != TicketStatus.NEW || !"CONSULT".equals(ticket.type())) {
			throw conflict("hotline-not-answerable");
		}
		tickets.move(id, TicketStatus.NEW, TicketStatus.CLOSED, new TicketAnsweredOnCall(id, answer.ref()), "hotline-not-answerable",
				"reply = ?, replied_at = now(), closed_at = now()", answer.answer());
		tickets.log(id, "ANSWERED_ON_CALL", operatorName, null, "按知识库答复办结：" + answer.question() + "（" + answer.ref() + "）", true);
	}

	/**
	 * 回访 (by the operator) or 评价 (by the person): once per closed ticket. {@code UNSATISFIED} reopens a ticket that a
	 * department handled and that was not reopened before.
	 */
	@Transactional
	public void revisit(TicketId id, String actorName, Satisfaction satisfaction, String note, boolean byOperator) {
		Ticket ticket = tickets.require(id);
		if (ticket.status() != TicketStatus.CLOSED || ticket.satisfaction() != null) {
			throw conflict("hotline-not-ratable");
		}
		String said = trim(note);
		if (said.length() > 1000) {
			throw invalid("hotline-note-long");
		}
		boolean reopen = satisfaction == Satisfaction.UNSATISFIED && !ticket.reopened() && ticket.leadDepartment() != null;
		if (reopen) {
			OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
			OffsetDateTime due = HotlineSettings.due(now, settings.answerLimit(ticket.type(), ticket.urgency()), calendars.current());
			tickets.move(id, TicketStatus.CLOSED, TicketStatus.DISPATCHED, new TicketReopened(id), "hotline-not-ratable",
					"reopened = true, closed_at = null, dispatched_at = ?, answer_due = ?, supervised_at = null", now, due);
		}
		else {
			// a rating changes no status: the guard only makes sure the ticket is still closed and unrated
			int rated = jdbc.sql("update hotline_ticket set satisfaction = ?, updated_at = now() where id = ? and status = ? and satisfaction is null")
				.params(satisfaction.name(), id.value(), TicketStatus.CLOSED.name())
				.update();
			if (rated == 0) {
				throw conflict("hotline-not-ratable");
			}
			events.publishEvent(new TicketRated(id, satisfaction));
		}
		tickets.log(id, byOperator ? "REVISITED" : "RATED", actorName, null, satisfaction.label() + (said.isEmpty() ? "" : "：" + said), true);
		if (reopen) {
			tickets.log(id, "REOPENED", "12345", ticket.leadDepartment(), "群众不满意，退回承办单位重新办理", true);
		}
	}
}
