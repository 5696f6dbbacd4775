package tongban.hotline.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.hotline.AnswerSuggestions;
import tongban.hotline.PublicReplies;
import tongban.hotline.Satisfaction;
import tongban.hotline.Ticket;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketId;
import tongban.hotline.TicketStatus;
import tongban.hotline.TicketSupervision;
import tongban.hotline.Tickets;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * The steps staff take on one ticket from its page: the operator dispatches, merges, closes, records the revisit and
 * publishes the reply; the lead department returns, replies or marks it complex; an assisting department gives its
 * opinion; a supervisor of the region urges. A refused step comes back to the ticket's page at the field it concerns.
 */
@Controller
class TicketStepController {

	private final Tickets tickets;
	private final TicketDispatch dispatch;
	private final TicketHandling handling;
	private final TicketClosing closing;
	private final TicketSupervision supervision;
	private final PublicReplies replies;
	private final List<AnswerSuggestions> answers;

	TicketStepController(Tickets tickets, TicketDispatch dispatch, TicketHandling handling, TicketClosing closing,
			TicketSupervision supervision, PublicReplies replies, List<AnswerSuggestions> answers) {
		this.answers = List.copyOf(answers);
		this.tickets = tickets;
		this.dispatch = dispatch;
		this.handling = handling;
		this.closing = closing;
		this.supervision = supervision;
		this.replies = replies;
	}

	private static String back(TicketId id) {
		return "redirect:/workbench/hotline/tickets/" + id;
	}

	/** Runs a step; a refusal comes back as a message at the field it concerns, with what was typed kept. */
	private static String step(TicketId id, RedirectAttributes redirect, String field, String typed, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("banner", done);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepError", "error." + e.code());
			redirect.addFlashAttribute("stepField", field);
			redirect.addFlashAttribute("typed", typed);
		}
		return back(id);
	}

	// ---- operator

	@PostMapping("/workbench/hotline/tickets/{id}/dispatch")
	String dispatch(@PathVariable UUID id, @RequestParam(defaultValue = "") String lead,
			@RequestParam(required = false) List<String> assisting, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		return step(ticket, redirect, "lead", null, "hotline.dispatched", () -> dispatch.dispatch(ticket, operator, lead, assisting));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String into, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		return step(ticket, redirect, "into", into, "hotline.merged", () -> dispatch.merge(ticket, into.strip(), operator));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		return step(ticket, redirect, "close-note", note, "hotline.closed", () -> closing.close(ticket, operator, note));
	}

	/** 当场答复: a new consultation answered with a suggested answer and closed; an answer no longer offered is refused. */
	@PostMapping("/workbench/hotline/tickets/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String ref, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		tickets.find(ticket).orElseThrow(() -> DomainException.notFound("ticket"));
		return step(ticket, redirect, "answer", null, "hotline.answered", () -> closing.answerOnCall(ticket, operator,
				answers.stream().flatMap(a -> a.find(ref).stream()).findFirst()
					.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "hotline-answer-gone", "hotline-answer-gone"))));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/revisit")
	String revisit(@PathVariable UUID id, @RequestParam(defaultValue = "") String satisfaction,
			@RequestParam(defaultValue = "") String note, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		return step(ticket, redirect, "satisfaction", note, "hotline.revisited",
				() -> closing.revisit(ticket, operator, Satisfaction.of(satisfaction), note, true));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/publish")
	String publish(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String answer,
			@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		String operator = HotlineRoles.operator(staff).name();
		TicketId ticket = new TicketId(id);
		List<FieldProblem> problems;
		try {
			problems = replies.publish(ticket, operator, title, question, answer);
		}
		catch (DomainException e) {
			return step(ticket, redirect, "publish-title", null, null, () -> {
				throw e;
			});
		}
		if (!problems.isEmpty()) {
			FieldProblem p = problems.getFirst();
			redirect.addFlashAttribute("stepError", p.code());
			redirect.addFlashAttribute("stepArgs", p.argArray());
			redirect.addFlashAttribute("stepField", "publish-" + p.field());
			redirect.addFlashAttribute("publishTitle", title);
			redirect.addFlashAttribute("publishQuestion", question);
			redirect.addFlashAttribute("publishAnswer", answer);
			return back(ticket);
		}
		redirect.addFlashAttribute("banner", "hotline.published");
		return back(ticket);
	}

	// ---- departments

	/** The member of staff if their department leads the ticket; a ticket they may not see does not exist for them. */
	private StaffMember leadOf(StaffMember staff, TicketId id) {
		HotlineRoles roles = new HotlineRoles(staff);
		if (!roles.leads(roles.visible(tickets, id))) {
			throw new AccessDeniedException("lead department only");
		}
		return staff;
	}

	@PostMapping("/workbench/hotline/tickets/{id}/return")
	String returnTicket(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		TicketId ticket = new TicketId(id);
		StaffMember s = leadOf(staff, ticket);
		String page = step(ticket, redirect, "return-reason", reason, "hotline.returned",
				() -> handling.returnTicket(ticket, s.departmentCode(), s.name(), reason));
		// once returned, the ticket is no longer the department's: back to its list
		return tickets.find(ticket).filter(t -> t.status() == TicketStatus.RETURNED).isPresent() ? "redirect:/workbench/hotline/department" : page;
	}

	@PostMapping("/workbench/hotline/tickets/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		TicketId ticket = new TicketId(id);
		StaffMember s = leadOf(staff, ticket);
		return step(ticket, redirect, "reply-text", text, "hotline.replied", () -> handling.reply(ticket, s.departmentCode(), s.name(), text));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/complex")
	String complex(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		TicketId ticket = new TicketId(id);
		StaffMember s = leadOf(staff, ticket);
		return step(ticket, redirect, "complex-reason", reason, "hotline.complexMarked",
				() -> handling.markComplex(ticket, s.departmentCode(), s.name(), reason));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/assist")
	String assist(@PathVariable UUID id, @RequestParam(defaultValue = "") String opinion, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		TicketId ticket = new TicketId(id);
		HotlineRoles roles = new HotlineRoles(staff);
		if (!roles.assists(roles.visible(tickets, ticket))) {
			throw new AccessDeniedException("assisting department only");
		}
		return step(ticket, redirect, "assist-opinion", opinion, "hotline.assisted",
				() -> handling.assist(ticket, staff.departmentCode(), staff.name(), opinion));
	}

	// ---- supervisors

	@PostMapping("/workbench/hotline/tickets/{id}/urge")
	String urge(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		TicketId ticket = new TicketId(id);
		HotlineRoles roles = new HotlineRoles(staff);
		Ticket t = roles.visible(tickets, ticket);
		if (!roles.supervises(t)) {
			throw new AccessDeniedException("supervisors of the region only");
		}
		return step(ticket, redirect, "urge-note", note, "hotline.urged", () -> supervision.urge(ticket, staff.name(), note));
	}
}
