package tongban.hotline.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import tongban.hotline.Ticket;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * 12345 tickets for the systems of the hotline centre and of the departments that handle them (承办单位), acting for a
 * member of staff (an access token with scope {@code hotline} whose {@code sub} is the staff account): the same steps,
 * roles and visibility as the workbench, without a page or a session. The operator's system dispatches and closes; the
 * lead department's system reads its queue and replies. A ticket a member of staff may not see is a 404, as on the
 * workbench; a step the ticket's state does not allow is a 409, a missing or unknown field a 422, all problem+json.
 */
@RestController
@RequestMapping("/api/hotline")
@Tag(name = "hotline", description = "12345 工单（话务中心与承办单位系统）")
class HotlineApiController {

	/** What a system sees of a ticket: the submitter's name and phone masked except for operators, who call back. */
	record TicketView(String number, TicketStatus status, String type, String categoryCode, String urgency, String regionCode,
			String description, String contactName, String phone, String leadDepartment, List<String> assisting,
			OffsetDateTime createdAt, OffsetDateTime due, OffsetDateTime repliedAt, String reply, OffsetDateTime closedAt) {

		static TicketView of(Ticket ticket, boolean operator) {
			String name = ticket.contactName() == null || operator ? ticket.contactName() : Masking.name(ticket.contactName());
			return new TicketView(ticket.number(), ticket.status(), ticket.type(), ticket.categoryCode(), ticket.urgency(),
					ticket.regionCode(), ticket.description(), name, operator ? ticket.phone() : Masking.mobile(ticket.phone()),
					ticket.leadDepartment(), ticket.assisting(), ticket.createdAt(), ticket.due(), ticket.repliedAt(), ticket.reply(),
					ticket.closedAt());
		}
	}

	/** A step's outcome: the ticket's number and the state it is in now. */
	record StepDone(String number, TicketStatus status) {
	}

	record Dispatch(String lead, List<String> assisting) {
	}

	record Reply(String text) {
	}

	record Close(String note) {
	}

	/** The largest list the queues answer; older work is found by number. */
	static final int QUEUE_LIMIT = 200;

	private final Tickets tickets;
	private final TicketDispatch dispatch;
	private final TicketHandling handling;
	private final TicketClosing closing;

	HotlineApiController(Tickets tickets, TicketDispatch dispatch, TicketHandling handling, TicketClosing closing) {
		this.tickets = tickets;
		this.dispatch = dispatch;
		this.handling = handling;
		this.closing = closing;
	}

	@Operation(summary = "One ticket by its number, if this member of staff may see it", security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/tickets/{number}")
	TicketView ticket(@PathVariable String number, @CurrentStaff StaffMember staff) {
		HotlineRoles roles = new HotlineRoles(staff);
		return TicketView.of(roles.visibleByNumber(tickets, number), roles.operator());
	}

	@Operation(summary = "Work waiting: for an operator the tickets to dispatch, for a department the open tickets it leads or assists",
			description = "`queue` is `dispatch` (operators) or `department` (approvers and admins of a department); at most "
					+ QUEUE_LIMIT + " tickets, the oldest due first.",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/tickets")
	List<TicketView> queue(@RequestParam(defaultValue = "") String queue, @CurrentStaff StaffMember staff) {
		HotlineRoles roles = new HotlineRoles(staff);
		List<Ticket> found = switch (queue) {
			case "dispatch" -> roles.operator() ? tickets.dispatchQueue() : forbidden("a hotline operator");
			case "department" -> roles.handler() ? tickets.ofDepartment(staff.departmentCode()) : forbidden("a department's approver or admin");
			default -> throw new DomainException(DomainException.Kind.INVALID, "hotline-queue-unknown", "queue is dispatch or department");
		};
		return found.stream().limit(QUEUE_LIMIT).map(ticket -> TicketView.of(ticket, roles.operator())).toList();
	}

	@Operation(summary = "派单: the operator names the lead department and any assisting ones", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/tickets/{number}/dispatch")
	StepDone dispatch(@PathVariable String number, @RequestBody(required = false) Dispatch body, @CurrentStaff StaffMember staff) {
		String operator = operator(staff);
		Ticket ticket = new HotlineRoles(staff).visibleByNumber(tickets, number);
		dispatch.dispatch(ticket, operator, body == null ? null : body.lead(), body == null ? null : body.assisting());
		return new StepDone(ticket.number(), TicketStatus.DISPATCHED);
	}

	@Operation(summary = "答复: the lead department answers the person (who is told by SMS)", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/tickets/{number}/reply")
	StepDone reply(@PathVariable String number, @RequestBody(required = false) Reply body, @CurrentStaff StaffMember staff) {
		HotlineRoles roles = new HotlineRoles(staff);
		Ticket ticket = roles.visibleByNumber(tickets, number);
		if (!roles.leads(ticket)) {
			return forbidden("the lead department's approver or admin");
		}
		handling.reply(ticket, staff.departmentCode(), staff.name(), body == null ? null : body.text());
		return new StepDone(ticket.number(), TicketStatus.REPLIED);
	}

	@Operation(summary = "办结: the operator closes an answered ticket", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/tickets/{number}/close")
	StepDone close(@PathVariable String number, @RequestBody(required = false) Close body, @CurrentStaff StaffMember staff) {
		String operator = operator(staff);
		Ticket ticket = new HotlineRoles(staff).visibleByNumber(tickets, number);
		closing.close(ticket, operator, body == null ? null : body.note());
		return new StepDone(ticket.number(), TicketStatus.CLOSED);
	}

	/** The operator's name for the history; anyone else is refused with 403 problem+json. */
	private static String operator(StaffMember staff) {
		return new HotlineRoles(staff).operator() ? staff.name() : forbidden("a hotline operator");
	}

	private static <T> T forbidden(String who) {
		throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", who + "'s token is needed");
	}
}
