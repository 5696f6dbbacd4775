package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.conflict;
import static tongban.hotline.internal.domain.TicketRepository.invalid;
import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.TicketEvents.TicketReplied;
import tongban.hotline.TicketEvents.TicketReturned;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.hotline.internal.domain.TicketRepository.LogLine;
import tongban.notification.NotificationManagement;
import tongban.notification.Regarding;
import tongban.shared.DomainException;
import tongban.shared.MobileNumber;
import tongban.shared.WorkingCalendars;

/**
 * A department's work on a ticket dispatched to it: the lead department returns it with a reason, marks it complex
 * (疑难) or replies; an assisting department gives its opinion. A department not on the ticket finds no ticket.
 */
@Service
public class TicketHandling {

	private final TicketRepository tickets;
	private final JdbcClient jdbc;
	private final HotlineSettings settings;
	private final WorkingCalendars calendars;
	private final NotificationManagement notifications;

	TicketHandling(TicketRepository tickets, JdbcClient jdbc, HotlineSettings settings, WorkingCalendars calendars,
			NotificationManagement notifications) {
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.settings = settings;
		this.calendars = calendars;
		this.notifications = notifications;
	}

	/** The ticket, read by id, if {@code department} leads it; otherwise it does not exist for them. */
	private Ticket ledBy(TicketId id, String department) {
		return ledBy(tickets.require(id), department);
	}

	/** The ticket if {@code department} leads it; otherwise it does not exist for them. */
	private static Ticket ledBy(Ticket ticket, String department) {
		if (!department.equals(ticket.leadDepartment())) {
			throw DomainException.notFound("ticket");
		}
		return ticket;
	}

	/** The lead department objects to a dispatch: the ticket goes back to the dispatcher with the reason. */
	@Transactional
	public void returnTicket(TicketId id, String department, String staffName, String reason) {
		ledBy(id, department);
		String why = trim(reason);
		if (why.length() < 4 || why.length() > 500) {
			throw invalid("hotline-reason-required");
		}
		tickets.move(id, TicketStatus.DISPATCHED, TicketStatus.RETURNED, new TicketReturned(id), "hotline-not-returnable",
				"lead_department = null, assisting = '{}'");
		tickets.log(id, "RETURNED", staffName, department, why, true);
	}

	/** An assisting department's opinion for the lead department (staff only). */
	@Transactional
	public void assist(TicketId id, String department, String staffName, String opinion) {
		Ticket ticket = tickets.require(id);
		if (!ticket.assisting().contains(department)) {
			throw DomainException.notFound("ticket");
		}
		String text = trim(opinion);
		if (text.length() < 2 || text.length() > 2000) {
			throw invalid("hotline-opinion-required");
		}
		tickets.log(id, "ASSISTED", staffName, department, text, false);
	}

	/** The lead department marks a matter complex (疑难): the answer limit becomes the complex one, from dispatch. */
	@Transactional
	public void markComplex(TicketId id, String department, String staffName, String reason) {
		Ticket ticket = ledBy(id, department);
		String why = trim(reason);
		if (why.length() < 4) {
			throw invalid("hotline-reason-required");
		}
		if (ticket.status() != TicketStatus.DISPATCHED || ticket.complex()) {
			throw conflict("hotline-not-open");
		}
		OffsetDateTime due = HotlineSettings.due(ticket.dispatchedAt(), settings.complexLimit(), calendars.current());
		jdbc.sql("update hotline_ticket set complex = true, answer_due = ?, updated_at = now() where id = ?").params(due, id.value()).update();
		tickets.log(id, "COMPLEX", staffName, department, why, true);
	}

	/** The lead department answers the person; the person is told by SMS. */
	@Transactional
	public void reply(TicketId id, String department, String staffName, String text) {
		reply(tickets.require(id), department, staffName, text);
	}

	/**
	 * As {@link #reply(TicketId, String, String, String)}, for a ticket the caller has just read (the move is guarded by
	 * its status, so a ticket changed since is refused as a conflict).
	 */
	@Transactional
	public void reply(Ticket ticket, String department, String staffName, String text) {
		ledBy(ticket, department);
		TicketId id = ticket.id();
		String answer = trim(text);
		if (answer.length() < 4 || answer.length() > 4000) {
			throw invalid("hotline-reply-required");
		}
		tickets.move(id, TicketStatus.DISPATCHED, TicketStatus.REPLIED, new TicketReplied(id), "hotline-not-open",
				new LogLine("REPLIED", staffName, department, answer, true), "reply = ?, replied_at = now()", answer);
		if (MobileNumber.valid(ticket.phone())) {
			notifications.sendSms(ticket.phone(), "【12345】您的诉求（编号 " + ticket.number() + "）已有答复，请在通办网站“诉求查询”中凭编号和手机号查看。",
					Regarding.ticket(id.value()));
		}
	}
}
