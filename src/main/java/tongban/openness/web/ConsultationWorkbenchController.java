package tongban.openness.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationPhase;
import tongban.openness.domain.ConsultationQuestion;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationStatus;
import tongban.openness.internal.ConsultationComments;
import tongban.openness.internal.ConsultationDrafting;
import tongban.openness.internal.ConsultationDrafting.Saved;
import tongban.openness.internal.ConsultationInput;
import tongban.openness.internal.ConsultationInterviews;
import tongban.openness.internal.ConsultationReports;
import tongban.openness.internal.ConsultationRules;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Upload;

/**
 * The department's side of 征求意见 at /workbench/consultations: editors draft, send to review, moderate comments, mark
 * their adoption after closing and publish the report; a reviewer of the department (not the author) publishes or
 * returns. Only the staff member's own department's consultations exist here; a refused step comes back as a message.
 */
@Controller
class ConsultationWorkbenchController {

	private static final String BASE = "/workbench/consultations";

	private final ConsultationRepository consultations;
	private final ConsultationDrafting drafting;
	private final ConsultationComments comments;
	private final ConsultationReports reports;
	private final ConsultationPages pages;
	private final ConsultationInterviews interviews;

	ConsultationWorkbenchController(ConsultationRepository consultations, ConsultationDrafting drafting, ConsultationComments comments,
			ConsultationReports reports, ConsultationPages pages, ConsultationInterviews interviews) {
		this.interviews = interviews;
		this.consultations = consultations;
		this.drafting = drafting;
		this.comments = comments;
		this.reports = reports;
		this.pages = pages;
	}

	/** One row of the department's list, with the comments waiting for moderation. */
	public record Row(Consultation consultation, long pending) {
	}

	@GetMapping(BASE)
	String list(@CurrentStaff StaffMember staff, Model model) {
		String department = staff.departmentCode() == null ? "" : staff.departmentCode();
		model.addAttribute("rows", consultations.ofDepartment(department)
			.stream()
			.map(c -> new Row(c, consultations.counts(c.id()).get(CommentStatus.PENDING)))
			.toList());
		model.addAttribute("editor", staff.has(Role.INFO_EDITOR));
		model.addAttribute("departmentName", pages.departmentName(department));
		model.addAttribute("interviews", interviews.all().stream().filter(i -> i.departmentCode().equals(department)).toList());
		return "openness/consultations/workbench-list";
	}

	@GetMapping(BASE + "/new")
	String newForm(@CurrentStaff StaffMember staff, Model model) {
		ConsultationRules.require(staff, Role.INFO_EDITOR);
		model.addAttribute("form", ConsultationInput.empty());
		return "openness/consultations/workbench-form";
	}

	@PostMapping(BASE + "/new")
	String create(@ModelAttribute("form") ConsultationInput form, BindingResult errors,
			@RequestParam(name = "upload", required = false) MultipartFile upload, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		Saved saved = drafting.create(staff, form, upload(upload));
		return saved(saved, errors, redirect);
	}

	@GetMapping(BASE + "/{id}/edit")
	String editForm(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		ConsultationRules.require(staff, Role.INFO_EDITOR);
		Consultation c = ConsultationRules.own(consultations, staff, id);
		if (c.status() != ConsultationStatus.DRAFT) {
			// only a draft is edited; a page left open after sending it to review goes back to the consultation
			return "redirect:" + BASE + "/" + id;
		}
		List<ConsultationQuestion> questions = consultations.questions(id);
		model.addAttribute("form", new ConsultationInput(c.title(), c.docKind(), c.draft(), c.background(), c.startsOn().toString(),
				c.endsOn().toString(), questions.stream().map(ConsultationQuestion::theme).toList(), questions.stream().map(ConsultationQuestion::question).toList(),
				null));
		model.addAttribute("consultation", c);
		return "openness/consultations/workbench-form";
	}

	@PostMapping(BASE + "/{id}/edit")
	String update(@PathVariable UUID id, @ModelAttribute("form") ConsultationInput form, BindingResult errors,
			@RequestParam(name = "upload", required = false) MultipartFile upload,
			@RequestParam(defaultValue = "false") boolean removeFile, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("consultation", ConsultationRules.own(consultations, staff, id));
		Saved saved = drafting.update(staff, id, form, upload(upload), removeFile);
		return saved(saved, errors, redirect);
	}

	private static String saved(Saved saved, BindingResult errors, RedirectAttributes redirect) {
		if (!saved.ok()) {
			ConsultationPages.reject(saved.problems(), errors);
			return "openness/consultations/workbench-form";
		}
		redirect.addFlashAttribute("banner", "openness.consult.saved");
		return "redirect:" + BASE + "/" + saved.id();
	}

	private static Upload upload(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping(BASE + "/{id}")
	String show(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		Consultation c = ConsultationRules.own(consultations, staff, id);
		pages.describe(c, model);
		model.addAttribute("comments", consultations.comments(id, null));
		model.addAttribute("editor", staff.has(Role.INFO_EDITOR));
		model.addAttribute("reviewer", staff.has(Role.INFO_REVIEWER) && !staff.id().equals(c.authorId()));
		model.addAttribute("closed", c.status() == ConsultationStatus.PUBLISHED
				&& c.phase(LocalDate.now(Clocks.ZONE)) == ConsultationPhase.CLOSED);
		return "openness/consultations/workbench-show";
	}

	@GetMapping(BASE + "/{id}/file")
	ResponseEntity<InputStreamResource> file(@PathVariable UUID id, @CurrentStaff StaffMember staff) {
		return pages.download(ConsultationRules.own(consultations, staff, id));
	}

	/** Runs a step; a refusal comes back to the page as a message (what is not found stays a 404). */
	private static String step(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("banner", done);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", "openness.consult.refused." + e.code());
		}
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/submit")
	String submit(@PathVariable UUID id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return step(id, redirect, "openness.consult.submitted", () -> drafting.submit(staff, id));
	}

	@PostMapping(BASE + "/{id}/approve")
	String approve(@PathVariable UUID id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return step(id, redirect, "openness.consult.approved", () -> drafting.approve(staff, id));
	}

	@PostMapping(BASE + "/{id}/return")
	String returnToEditor(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		return step(id, redirect, "openness.consult.returned", () -> drafting.returnToEditor(staff, id, reason));
	}

	@PostMapping(BASE + "/{id}/comments/{comment}/publish")
	String publishComment(@PathVariable UUID id, @PathVariable UUID comment, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		ownComment(staff, id, comment);
		return step(id, redirect, "openness.consult.commentPublished", () -> comments.publish(staff, comment));
	}

	@PostMapping(BASE + "/{id}/comments/{comment}/hold")
	String holdComment(@PathVariable UUID id, @PathVariable UUID comment, @RequestParam(defaultValue = "") String reason,
			@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		ownComment(staff, id, comment);
		return step(id, redirect, "openness.consult.commentHeld", () -> comments.hold(staff, comment, reason));
	}

	@PostMapping(BASE + "/{id}/comments/{comment}/adopt")
	String adopt(@PathVariable UUID id, @PathVariable UUID comment, @RequestParam(defaultValue = "") String adoption,
			@RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		ownComment(staff, id, comment);
		return step(id, redirect, "openness.consult.adopted", () -> comments.adopt(staff, comment, adoption, reason));
	}

	@PostMapping(BASE + "/{id}/report")
	String report(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		return step(id, redirect, "openness.consult.reported", () -> reports.publish(staff, id, note));
	}

	/** The comment, if it is one of this consultation of the staff member's department. */
	private void ownComment(StaffMember staff, UUID id, UUID comment) {
		ConsultationRules.own(consultations, staff, id);
		consultations.comment(comment).filter(c -> c.consultationId().equals(id)).orElseThrow(ConsultationRepository::notFound);
	}
}
