package tongban.hotline.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.hotline.AnswerSuggestions;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.NewTicket;
import tongban.hotline.PublicReplies;
import tongban.hotline.Submitted;
import tongban.hotline.Ticket;
import tongban.hotline.TicketAttachment;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketId;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.notification.DeliveryViews;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.Masking;

/**
 * The operator's pages of 12345: the one-page intake from a call, the dispatch queue, and one ticket (as every member of
 * staff who may see it sees it). The steps on a ticket are in {@link TicketStepController}. Every ticket page is shown
 * only to the operator, the departments on it, or a supervisor of its region; to anyone else it does not exist.
 */
@Controller
class HotlineWorkbenchController {

	private final Tickets tickets;
	private final TicketIntake intake;
	private final TicketDispatch dispatch;
	private final HotlineCatalogue catalogue;
	private final DirectoryManagement directory;
	private final HotlineController publicPages;
	private final FileStore files;
	private final List<AnswerSuggestions> answers;
	private final DeliveryViews deliveries;

	/** Answers suggested to the operator for a new consultation. */
	static final int SUGGESTED_ANSWERS = 5;

	HotlineWorkbenchController(Tickets tickets, TicketIntake intake, TicketDispatch dispatch, HotlineCatalogue catalogue,
			DirectoryManagement directory, HotlineController publicPages, FileStore files, List<AnswerSuggestions> answers,
			DeliveryViews deliveries) {
		this.deliveries = deliveries;
		this.answers = List.copyOf(answers);
		this.tickets = tickets;
		this.intake = intake;
		this.dispatch = dispatch;
		this.catalogue = catalogue;
		this.directory = directory;
		this.publicPages = publicPages;
		this.files = files;
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	// ---- operator

	@GetMapping("/workbench/hotline")
	String queue(@CurrentStaff StaffMember staff, Model model) {
		HotlineRoles.operator(staff);
		model.addAttribute("queue", tickets.dispatchQueue());
		model.addAttribute("recent", tickets.recent(50));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(tickets));
		return "hotline/dispatch";
	}

	@GetMapping("/workbench/hotline/new")
	String intake(@CurrentStaff StaffMember staff, Model model) {
		HotlineRoles.operator(staff);
		model.addAttribute("form", TicketForm.empty(directory.homeRegion()));
		intakeModel(model);
		return "hotline/new";
	}

	private void intakeModel(Model model) {
		publicPages.formModel(model, Optional.empty());
		model.addAttribute("operatorIntake", true);
		model.addAttribute("urgencies", NewTicket.URGENCIES);
	}

	/** Suggested answers while the operator types a consultation (htmx); the answer itself is given on the ticket's page. */
	@GetMapping("/workbench/hotline/answers")
	String answers(@RequestParam(defaultValue = "") String description, @CurrentStaff StaffMember staff, Model model) {
		HotlineRoles.operator(staff);
		String text = description.length() > NewTicket.MAX_DESCRIPTION ? description.substring(0, NewTicket.MAX_DESCRIPTION) : description;
		model.addAttribute("answers", text.strip().length() < NewTicket.MIN_DESCRIPTION ? List.of()
				: answers.stream().flatMap(a -> a.suggest(text, SUGGESTED_ANSWERS).stream()).toList());
		return "hotline/answers :: answers";
	}

	@PostMapping("/workbench/hotline/new")
	String take(@ModelAttribute("form") TicketForm form, BindingResult errors,
			@RequestParam(name = "files", required = false) List<MultipartFile> chosenFiles, @CurrentStaff StaffMember staff,
			Model model, RedirectAttributes redirect) {
		HotlineRoles.operator(staff);
		intakeModel(model);
		NewTicket command = TicketForms.command(form, chosenFiles, errors);
		if (errors.hasErrors()) {
			return "hotline/new";
		}
		Submitted submitted = intake.submit(command, TicketSource.operator(staff.name()));
		if (!submitted.ok()) {
			TicketForms.reject(submitted.problems(), errors);
			return "hotline/new";
		}
		redirect.addFlashAttribute("banner", "hotline.taken");
		return "redirect:/workbench/hotline/tickets/" + submitted.id();
	}

	// ---- one ticket

	/**
	 * One ticket, by its id or, as staff type it from a call or a letter, by its number (GD…): a ticket this member of
	 * staff may not see, or no ticket at all, is a 404 either way.
	 */
	@GetMapping("/workbench/hotline/tickets/{id}")
	String ticket(@PathVariable("id") String idOrNumber, @CurrentStaff StaffMember staff, Model model) {
		HotlineRoles roles = new HotlineRoles(staff);
		Optional<UUID> id = uuid(idOrNumber);
		if (id.isEmpty()) {
			Ticket byNumber = roles.visibleByNumber(tickets, idOrNumber);
			return "redirect:/workbench/hotline/tickets/" + byNumber.id();
		}
		Ticket t = roles.visible(tickets, new TicketId(id.get()));
		model.addAttribute("ticket", t);
		model.addAttribute("staffer", roles);
		model.addAttribute("category", catalogue.category(t.categoryCode()).orElse(null));
		model.addAttribute("regionName", directory.fullName(t.regionCode()));
		model.addAttribute("events", tickets.history(t.id(), false));
		model.addAttribute("attachments", tickets.attachments(t.id()));
		model.addAttribute("mergedInto", tickets.numberOf(t.mergedInto()).orElse(null));
		// operators call the person back, so they see the number; everyone else sees it masked
		model.addAttribute("phone", roles.operator() ? t.phone() : Masking.mobile(t.phone()));
		model.addAttribute("contactName", t.contactName() == null ? null : roles.operator() ? t.contactName() : Masking.name(t.contactName()));
		model.addAttribute("departments", directory.departments());
		model.addAttribute("suggestion", dispatch.suggestion(t).orElse(null));
		model.addAttribute("names", new Names(tickets));
		// the texts sent to the person about this ticket and whether they arrived
		model.addAttribute("deliveries", deliveries.ofTicket(t.id().value()));
		if (roles.operator() && t.status() == TicketStatus.NEW && "CONSULT".equals(t.type())) {
			model.addAttribute("answers", answers.stream().flatMap(a -> a.suggest(t.description(), SUGGESTED_ANSWERS).stream()).toList());
		}
		if (roles.operator() && t.publishConsent() && !model.containsAttribute("publishTitle")) {
			model.addAttribute("publishTitle", catalogue.category(t.categoryCode()).map(HotlineCatalogue.Category::name).orElse(""));
			model.addAttribute("publishQuestion", PublicReplies.anonymised(t.description()));
			model.addAttribute("publishAnswer", PublicReplies.anonymised(t.reply()));
		}
		return "hotline/ticket";
	}

	/** Department names for templates (which may not call services with arguments from expressions freely). */
	public record Names(Tickets tickets) {

		public String of(String code) {
			return tickets.departmentName(code);
		}
	}

	@GetMapping("/workbench/hotline/tickets/{id}/attachments/{attachment}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable long attachment, @CurrentStaff StaffMember staff) {
		Ticket t = new HotlineRoles(staff).visible(tickets, new TicketId(id));
		TicketAttachment a = tickets.attachments(t.id())
			.stream()
			.filter(x -> x.id() == attachment)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("attachment"));
		InputStream in = files.open(a.fileId()).orElseThrow(() -> DomainException.notFound("attachment"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(), StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(in));
	}

	// ---- lists for departments and supervisors

	@GetMapping("/workbench/hotline/department")
	String department(@CurrentStaff StaffMember staff, Model model) {
		if (!new HotlineRoles(staff).handler()) {
			throw new AccessDeniedException("department staff only");
		}
		model.addAttribute("tickets", tickets.ofDepartment(staff.departmentCode()));
		model.addAttribute("department", tickets.departmentName(staff.departmentCode()));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(tickets));
		return "hotline/department";
	}

	@GetMapping("/workbench/hotline/overdue")
	String overdue(@CurrentStaff StaffMember staff, Model model) {
		if (!new HotlineRoles(staff).supervisor() || staff.regionScope() == null) {
			throw new AccessDeniedException("supervisors only");
		}
		model.addAttribute("tickets", tickets.overdue(staff.regionScope()));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(tickets));
		return "hotline/overdue";
	}
}
