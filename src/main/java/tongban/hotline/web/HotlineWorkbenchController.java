package tongban.hotline.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
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
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.HotlineManagement;
import tongban.hotline.HotlineManagement.Ticket;
import tongban.identity.StaffMember;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * Staff pages of 12345: the operator's one-page intake from a call, the dispatch queue (派单 by the catalogue's
 * suggestion or by hand, merging duplicates, closing, revisiting, publishing replies); a department's tickets (return
 * with a reason, reply, mark complex, assisting opinions); a supervisor's overdue list with 督办 notes. Every ticket page
 * is shown only to the operator, the departments on it, or a supervisor of its region; to anyone else it does not exist.
 */
@Controller
class HotlineWorkbenchController {

	private final HotlineManagement hotline;
	private final HotlineCatalogue catalogue;
	private final DirectoryManagement directory;
	private final IdentityManagement identity;
	private final HotlineController publicPages;
	private final tongban.shared.FileStore files;

	HotlineWorkbenchController(HotlineManagement hotline, HotlineCatalogue catalogue, DirectoryManagement directory,
			IdentityManagement identity, HotlineController publicPages, tongban.shared.FileStore files) {
		this.files = files;
		this.hotline = hotline;
		this.catalogue = catalogue;
		this.directory = directory;
		this.identity = identity;
		this.publicPages = publicPages;
	}

	public record Staff(UUID id, String name, String departmentCode, String regionScope, Set<Role> roles) {

		public boolean operator() {
			return roles.contains(Role.HOTLINE_OPERATOR);
		}

		public boolean supervisor() {
			return roles.contains(Role.SUPERVISOR);
		}

		public boolean handler() {
			return departmentCode != null && (roles.contains(Role.APPROVER) || roles.contains(Role.DEPT_ADMIN));
		}

		public boolean supervises(Ticket t) {
			return supervisor() && regionScope != null && t.regionCode().startsWith(regionScope);
		}

		public boolean leads(Ticket t) {
			return handler() && departmentCode.equals(t.leadDepartment());
		}

		public boolean assists(Ticket t) {
			return handler() && t.assisting().contains(departmentCode);
		}
	}

	private Staff staff(Authentication auth) {
		StaffMember a = identity.staffMember(UUID.fromString(auth.getName()))
			.orElseThrow(() -> DomainException.notFound("account"));
		return new Staff(a.id(), a.name(), a.departmentCode(), a.regionScope(), a.roles());
	}

	private Staff operator(Authentication auth) {
		Staff s = staff(auth);
		if (!s.operator()) {
			throw new AccessDeniedException("hotline operators only");
		}
		return s;
	}

	/** The ticket if this member of staff may see it; otherwise it does not exist for them. */
	private Ticket visible(Staff s, UUID id) {
		return hotline.find(id).filter(t -> mayView(s, t)).orElseThrow(() -> DomainException.notFound("ticket"));
	}

	private static boolean mayView(Staff s, Ticket t) {
		return s.operator() || s.leads(t) || s.assists(t) || s.supervises(t);
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
	String queue(Authentication auth, Model model) {
		operator(auth);
		model.addAttribute("queue", hotline.dispatchQueue());
		model.addAttribute("recent", hotline.recent(50));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(hotline));
		return "hotline/dispatch";
	}

	@GetMapping("/workbench/hotline/new")
	String intake(Authentication auth, Model model) {
		operator(auth);
		model.addAttribute("form", TicketForm.empty(DirectoryManagement.FORM_REGION));
		intakeModel(model);
		return "hotline/new";
	}

	private void intakeModel(Model model) {
		publicPages.formModel(model, Optional.empty());
		model.addAttribute("operatorIntake", true);
		model.addAttribute("urgencies", HotlineManagement.URGENCIES);
	}

	@PostMapping("/workbench/hotline/new")
	String take(@ModelAttribute("form") TicketForm form, BindingResult errors,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication auth, Model model,
			RedirectAttributes redirect) {
		Staff s = operator(auth);
		intakeModel(model);
		HotlineManagement.NewTicket command = TicketForms.command(form, files, errors);
		if (errors.hasErrors()) {
			return "hotline/new";
		}
		HotlineManagement.Submitted r = hotline.submit(command, HotlineManagement.Source.operator(s.name()));
		if (!r.ok()) {
			TicketForms.reject(r.problems(), errors);
			return "hotline/new";
		}
		redirect.addFlashAttribute("banner", "hotline.taken");
		return "redirect:/workbench/hotline/tickets/" + r.id();
	}

	// ---- one ticket

	/**
	 * One ticket, by its id or, as staff type it from a call or a letter, by its number (GD…): a ticket this member of
	 * staff may not see, or no ticket at all, is a 404 either way.
	 */
	@GetMapping("/workbench/hotline/tickets/{id}")
	String ticket(@PathVariable("id") String idOrNumber, Authentication auth, Model model) {
		Staff s = staff(auth);
		Optional<UUID> id = uuid(idOrNumber);
		if (id.isEmpty()) {
			Ticket byNumber = hotline.byNumber(idOrNumber)
				.filter(t -> mayView(s, t))
				.orElseThrow(() -> DomainException.notFound("ticket"));
			return back(byNumber.id());
		}
		Ticket t = visible(s, id.get());
		model.addAttribute("ticket", t);
		model.addAttribute("staffer", s);
		model.addAttribute("category", catalogue.category(t.categoryCode()).orElse(null));
		model.addAttribute("regionName", directory.fullName(t.regionCode()));
		model.addAttribute("events", hotline.events(t.id(), false));
		model.addAttribute("attachments", hotline.attachments(t.id()));
		model.addAttribute("mergedInto", hotline.numberOf(t.mergedInto()).orElse(null));
		// operators call the person back, so they see the number; everyone else sees it masked
		model.addAttribute("phone", s.operator() ? t.phone() : Masking.mobile(t.phone()));
		model.addAttribute("contactName", t.contactName() == null ? null : s.operator() ? t.contactName() : Masking.name(t.contactName()));
		model.addAttribute("departments", directory.departments());
		model.addAttribute("suggestion", hotline.suggestion(t).orElse(null));
		model.addAttribute("names", new Names(hotline));
		if (s.operator() && t.publishConsent() && !model.containsAttribute("publishTitle")) {
			model.addAttribute("publishTitle", catalogue.category(t.categoryCode()).map(HotlineCatalogue.Category::name).orElse(""));
			model.addAttribute("publishQuestion", HotlineManagement.anonymised(t.description()));
			model.addAttribute("publishAnswer", HotlineManagement.anonymised(t.reply()));
		}
		return "hotline/ticket";
	}

	/** Department names for templates (which may not call services with arguments from expressions freely). */
	public record Names(HotlineManagement hotline) {

		public String of(String code) {
			return hotline.departmentName(code);
		}
	}

	private String back(UUID id) {
		return "redirect:/workbench/hotline/tickets/" + id;
	}

	/** Runs a step; a refusal comes back as a message at the field it concerns, with what was typed kept. */
	private String step(UUID id, RedirectAttributes redirect, String field, String typed, String done, Runnable action) {
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

	@PostMapping("/workbench/hotline/tickets/{id}/dispatch")
	String dispatch(@PathVariable UUID id, @RequestParam(defaultValue = "") String lead,
			@RequestParam(required = false) List<String> assisting, Authentication auth, RedirectAttributes redirect) {
		Staff s = operator(auth);
		return step(id, redirect, "lead", null, "hotline.dispatched", () -> hotline.dispatch(id, s.name(), lead, assisting));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String into, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = operator(auth);
		return step(id, redirect, "into", into, "hotline.merged", () -> hotline.merge(id, into.strip(), s.name()));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = operator(auth);
		return step(id, redirect, "close-note", note, "hotline.closed", () -> hotline.close(id, s.name(), note));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/revisit")
	String revisit(@PathVariable UUID id, @RequestParam(defaultValue = "") String satisfaction,
			@RequestParam(defaultValue = "") String note, Authentication auth, RedirectAttributes redirect) {
		Staff s = operator(auth);
		return step(id, redirect, "satisfaction", note, "hotline.revisited",
				() -> hotline.revisit(id, s.name(), satisfaction, note, true));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/publish")
	String publish(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String answer,
			Authentication auth, RedirectAttributes redirect) {
		Staff s = operator(auth);
		List<HotlineManagement.Problem> problems;
		try {
			problems = hotline.publish(id, s.name(), title, question, answer);
		}
		catch (DomainException e) {
			return step(id, redirect, "publish-title", null, null, () -> {
				throw e;
			});
		}
		if (!problems.isEmpty()) {
			HotlineManagement.Problem p = problems.getFirst();
			redirect.addFlashAttribute("stepError", p.code());
			redirect.addFlashAttribute("stepArgs", p.args());
			redirect.addFlashAttribute("stepField", "publish-" + p.field());
			redirect.addFlashAttribute("publishTitle", title);
			redirect.addFlashAttribute("publishQuestion", question);
			redirect.addFlashAttribute("publishAnswer", answer);
			return back(id);
		}
		redirect.addFlashAttribute("banner", "hotline.published");
		return back(id);
	}

	@GetMapping("/workbench/hotline/tickets/{id}/attachments/{attachment}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> attachment(@PathVariable UUID id,
			@PathVariable long attachment, Authentication auth) {
		Ticket t = visible(staff(auth), id);
		HotlineManagement.Attachment a = hotline.attachments(t.id())
			.stream()
			.filter(x -> x.id() == attachment)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("attachment"));
		java.io.InputStream in = files.open(a.fileId()).orElseThrow(() -> DomainException.notFound("attachment"));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(a.contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(new org.springframework.core.io.InputStreamResource(in));
	}

	// ---- department

	@GetMapping("/workbench/hotline/department")
	String department(Authentication auth, Model model) {
		Staff s = staff(auth);
		if (!s.handler()) {
			throw new AccessDeniedException("department staff only");
		}
		model.addAttribute("tickets", hotline.ofDepartment(s.departmentCode()));
		model.addAttribute("department", hotline.departmentName(s.departmentCode()));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(hotline));
		return "hotline/department";
	}

	private Staff leadOf(Authentication auth, UUID id) {
		Staff s = staff(auth);
		Ticket t = visible(s, id);
		if (!s.leads(t)) {
			throw new AccessDeniedException("lead department only");
		}
		return s;
	}

	@PostMapping("/workbench/hotline/tickets/{id}/return")
	String returnTicket(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = leadOf(auth, id);
		String page = step(id, redirect, "return-reason", reason, "hotline.returned",
				() -> hotline.returnTicket(id, s.departmentCode(), s.name(), reason));
		// once returned, the ticket is no longer the department's: back to its list
		return hotline.find(id).filter(t -> "RETURNED".equals(t.status())).isPresent() ? "redirect:/workbench/hotline/department" : page;
	}

	@PostMapping("/workbench/hotline/tickets/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = leadOf(auth, id);
		return step(id, redirect, "reply-text", text, "hotline.replied", () -> hotline.reply(id, s.departmentCode(), s.name(), text));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/complex")
	String complex(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = leadOf(auth, id);
		return step(id, redirect, "complex-reason", reason, "hotline.complexMarked",
				() -> hotline.markComplex(id, s.departmentCode(), s.name(), reason));
	}

	@PostMapping("/workbench/hotline/tickets/{id}/assist")
	String assist(@PathVariable UUID id, @RequestParam(defaultValue = "") String opinion, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = staff(auth);
		Ticket t = visible(s, id);
		if (!s.assists(t)) {
			throw new AccessDeniedException("assisting department only");
		}
		return step(id, redirect, "assist-opinion", opinion, "hotline.assisted",
				() -> hotline.assist(id, s.departmentCode(), s.name(), opinion));
	}

	// ---- supervision

	@GetMapping("/workbench/hotline/overdue")
	String overdue(Authentication auth, Model model) {
		Staff s = staff(auth);
		if (!s.supervisor() || s.regionScope() == null) {
			throw new AccessDeniedException("supervisors only");
		}
		model.addAttribute("tickets", hotline.overdue(s.regionScope()));
		model.addAttribute("categoryNames", catalogue.names());
		model.addAttribute("names", new Names(hotline));
		return "hotline/overdue";
	}

	@PostMapping("/workbench/hotline/tickets/{id}/urge")
	String urge(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, Authentication auth,
			RedirectAttributes redirect) {
		Staff s = staff(auth);
		Ticket t = visible(s, id);
		if (!s.supervises(t)) {
			throw new AccessDeniedException("supervisors of the region only");
		}
		return step(id, redirect, "urge-note", note, "hotline.urged", () -> hotline.urge(id, s.name(), note));
	}
}
