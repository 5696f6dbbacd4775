package tongban.openness.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRepository;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.PublicationRules;
import tongban.openness.domain.RevisionRow;
import tongban.openness.domain.RevisionStatus;
import tongban.openness.domain.Validity;
import tongban.openness.internal.PublicationEditing;
import tongban.openness.internal.PublicationEditing.Outcome;
import tongban.openness.internal.PublicationFiles;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * The 政务公开 workbench of a department: its publications with the state of each, the 保密审查 queue, the editor's
 * forms, and the steps (submit, approve or return, change of validity, withdrawal). Staff of other departments find
 * nothing here (404).
 */
@Controller
class PublicationWorkbenchController {

	private static final String BASE = "/workbench/publications";

	private final PublicationEditing editing;
	private final PublicationRepository repository;
	private final PublicationFiles files;
	private final DirectoryManagement directory;

	PublicationWorkbenchController(PublicationEditing editing, PublicationRepository repository, PublicationFiles files,
			DirectoryManagement directory) {
		this.editing = editing;
		this.repository = repository;
		this.files = files;
		this.directory = directory;
	}

	/** A publication on the workbench with its revision being drafted or reviewed, if any. */
	record WorkRow(PublicationRow row, RevisionRow open) {

		public boolean inReview() {
			return open != null && open.status() == RevisionStatus.IN_REVIEW;
		}
	}

	@GetMapping(BASE)
	String list(@CurrentStaff StaffMember staff, Model model) {
		String department = department(staff);
		List<WorkRow> rows = new ArrayList<>();
		for (PublicationRow row : repository.where("where department_code = ? order by updated_at desc limit 300", department)) {
			rows.add(new WorkRow(row, repository.openRevision(row.id()).orElse(null)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("queue", staff.has(Role.INFO_REVIEWER)
				? rows.stream().filter(r -> r.inReview() && !r.open().authorId().equals(staff.id())).toList() : List.of());
		model.addAttribute("editor", staff.hasAny(Role.INFO_EDITOR, Role.DEPT_ADMIN));
		model.addAttribute("kinds", PublicationKind.values());
		return "openness/publications/workbench";
	}

	@GetMapping(BASE + "/new")
	String newForm(@RequestParam(defaultValue = "POLICY") PublicationKind kind, @CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("form", PublicationForms.empty(kind, department(staff)));
		return edit(model, staff, kind, null, null);
	}

	@PostMapping(BASE + "/new")
	String create(@ModelAttribute("form") PublicationForm form, BindingResult errors,
			@RequestParam(name = "attachmentFiles", required = false) List<MultipartFile> attachmentFiles,
			@RequestParam(name = "figureFile", required = false) MultipartFile figureFile, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		department(staff);
		PublicationKind kind = kind(form.kind());
		PublicationContent content = withFiles(kind, form, null, errors, attachmentFiles, figureFile);
		if (!errors.hasErrors()) {
			Outcome outcome = editing.create(staff, kind, content, null);
			if (outcome.ok()) {
				redirect.addFlashAttribute("banner", "openness.pub.saved");
				return "redirect:" + BASE + "/" + outcome.id();
			}
			PublicationForms.reject(outcome.problems(), errors);
		}
		return edit(model, staff, kind, null, null);
	}

	@GetMapping(BASE + "/{id}")
	String show(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		PublicationRow row = editing.visible(staff, id);
		List<RevisionRow> revisions = repository.revisions(id);
		Optional<RevisionRow> open = revisions.stream().filter(r -> r.status().open()).findFirst();
		RevisionRow shown = open.orElse(revisions.isEmpty() ? null : revisions.getFirst());
		model.addAttribute("p", row);
		model.addAttribute("revisions", revisions);
		model.addAttribute("open", open.orElse(null));
		model.addAttribute("c", shown == null ? null : shown.content());
		model.addAttribute("editor", staff.hasAny(Role.INFO_EDITOR, Role.DEPT_ADMIN));
		model.addAttribute("mayReview", staff.has(Role.INFO_REVIEWER) && open.filter(r -> r.status() == RevisionStatus.IN_REVIEW)
			.filter(r -> !r.authorId().equals(staff.id())).isPresent());
		model.addAttribute("departmentNames", directory.departmentNames());
		return "openness/publications/show";
	}

	@GetMapping(BASE + "/{id}/edit")
	String editForm(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		PublicationRow row = editing.visible(staff, id);
		PublicationContent current = current(id);
		model.addAttribute("form", PublicationForms.of(row.kind(), current));
		return edit(model, staff, row.kind(), row, current);
	}

	@PostMapping(BASE + "/{id}/edit")
	String update(@PathVariable UUID id, @ModelAttribute("form") PublicationForm form, BindingResult errors,
			@RequestParam(name = "attachmentFiles", required = false) List<MultipartFile> attachmentFiles,
			@RequestParam(name = "figureFile", required = false) MultipartFile figureFile, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		PublicationRow row = editing.visible(staff, id);
		PublicationContent current = current(id);
		PublicationContent content = withFiles(row.kind(), form, current, errors, attachmentFiles, figureFile);
		if (!errors.hasErrors()) {
			Outcome outcome = editing.update(staff, id, content);
			if (outcome.ok()) {
				redirect.addFlashAttribute("banner", "openness.pub.saved");
				return "redirect:" + BASE + "/" + id;
			}
			PublicationForms.reject(outcome.problems(), errors);
		}
		return edit(model, staff, row.kind(), row, current);
	}

	@PostMapping(BASE + "/{id}/submit")
	String submit(@PathVariable UUID id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return step(id, redirect, "openness.pub.submitted", () -> editing.submit(staff, id));
	}

	@GetMapping(BASE + "/{id}/review")
	String reviewForm(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		show(id, staff, model);
		model.addAttribute("form", new PublicationForm.NoteForm(""));
		return "openness/publications/review";
	}

	@PostMapping(BASE + "/{id}/review")
	String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @ModelAttribute("form") PublicationForm.NoteForm form,
			BindingResult errors, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		if (decision.equals("approve")) {
			return step(id, redirect, "openness.pub.approved", () -> editing.approve(staff, id, form.note()));
		}
		try {
			Outcome outcome = editing.returnToEditor(staff, id, form.note());
			if (outcome.ok()) {
				redirect.addFlashAttribute("banner", "openness.pub.returned");
				return "redirect:" + BASE + "/" + id;
			}
			PublicationForms.reject(outcome.problems(), errors);
		}
		catch (DomainException e) {
			return conflict(e, id, redirect);
		}
		show(id, staff, model);
		return "openness/publications/review";
	}

	@GetMapping(BASE + "/{id}/validity")
	String validityForm(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("form", new PublicationForm.ValidityForm("", "", "", ""));
		return validityPage(id, staff, model);
	}

	@PostMapping(BASE + "/{id}/validity")
	String validity(@PathVariable UUID id, @ModelAttribute("form") PublicationForm.ValidityForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		Validity to = PublicationParams.validity(form.validity());
		var on = PublicationForms.date(form.on(), "on", errors);
		UUID successor = successor(form.replacedBy(), staff);
		if (!errors.hasErrors()) {
			try {
				Outcome outcome = editing.proposeValidity(staff, id, to, successor == null && !blank(form.replacedBy()) ? UUID.randomUUID() : successor,
						on, form.note());
				if (outcome.ok()) {
					redirect.addFlashAttribute("banner", "openness.pub.validityProposed");
					return "redirect:" + BASE + "/" + id;
				}
				PublicationForms.reject(outcome.problems(), errors);
			}
			catch (DomainException e) {
				if (e.kind() != DomainException.Kind.CONFLICT) {
					throw e;
				}
				return conflict(e, id, redirect);
			}
		}
		return validityPage(id, staff, model);
	}

	@GetMapping(BASE + "/{id}/withdraw")
	String withdrawForm(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("p", editing.visible(staff, id));
		model.addAttribute("form", new PublicationForm.NoteForm(""));
		return "openness/publications/withdraw";
	}

	@PostMapping(BASE + "/{id}/withdraw")
	String withdraw(@PathVariable UUID id, @ModelAttribute("form") PublicationForm.NoteForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		model.addAttribute("p", editing.visible(staff, id));
		try {
			Outcome outcome = editing.withdraw(staff, id, form.note());
			if (outcome.ok()) {
				redirect.addFlashAttribute("banner", "openness.pub.withdrawn");
				return "redirect:" + BASE + "/" + id;
			}
			outcome.problems().forEach(p -> errors.rejectValue("note", p.code(), p.argArray(), null));
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			return conflict(e, id, redirect);
		}
		return "openness/publications/withdraw";
	}

	// ---- helpers

	private String validityPage(UUID id, StaffMember staff, Model model) {
		PublicationRow row = editing.visible(staff, id);
		model.addAttribute("p", row);
		model.addAttribute("validities", List.of(Validity.EXPIRED, Validity.REPEALED, Validity.AMENDED));
		return "openness/publications/validity";
	}

	/** The successor typed as a policy's id or its 文号 (of a published policy of any department). */
	private UUID successor(String typed, StaffMember staff) {
		if (blank(typed)) {
			return null;
		}
		String text = typed.strip();
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return repository.where("where kind = 'POLICY' and status = 'PUBLISHED' and doc_number = ? order by published_on desc limit 1", text)
				.stream().findFirst().map(PublicationRow::id).orElse(null);
		}
	}

	private String step(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("banner", done);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			return conflict(e, id, redirect);
		}
		return "redirect:" + BASE + "/" + id;
	}

	private static String conflict(DomainException refusal, UUID id, RedirectAttributes redirect) {
		if (refusal.kind() == DomainException.Kind.NOT_FOUND || refusal.kind() == DomainException.Kind.FORBIDDEN) {
			throw refusal;
		}
		redirect.addFlashAttribute("bannerError", "openness.pub.conflict." + refusal.code());
		return "redirect:" + BASE + "/" + id;
	}

	private PublicationContent withFiles(PublicationKind kind, PublicationForm form, PublicationContent base, BindingResult errors,
			List<MultipartFile> attachmentFiles, MultipartFile figureFile) {
		PublicationContent content = PublicationForms.content(kind, form, base, errors);
		List<FieldProblem> problems = PublicationRules.check(kind, content, editing.lookups());
		PublicationForms.reject(problems.stream().filter(p -> !p.field().equals("figure") || figureFile == null || figureFile.isEmpty()).toList(),
				errors);
		if (errors.hasErrors()) {
			return content;
		}
		List<PublicationContent.Attachment> attachments = new ArrayList<>(content.attachments());
		if (kind == PublicationKind.POLICY) {
			for (Upload upload : PublicationForms.uploads(attachmentFiles)) {
				PublicationFiles.Kept<PublicationContent.Attachment> kept = files.attachment("attachments", upload);
				if (kept.problem() != null) {
					PublicationForms.reject(List.of(kept.problem()), errors);
					return content;
				}
				attachments.add(kept.file());
			}
		}
		List<PublicationContent.Figure> figures = new ArrayList<>(content.figures());
		if (kind == PublicationKind.INTERPRETATION && figureFile != null && !figureFile.isEmpty()) {
			if (blank(form.figureAlt())) {
				errors.rejectValue("figureAlt", "openness.pub.error.figure-alt");
				return content;
			}
			Upload upload = PublicationForms.uploads(List.of(figureFile)).getFirst();
			PublicationFiles.Kept<PublicationContent.Figure> kept = files.figure("figureAlt", upload, form.figureCaption(), form.figureAlt().strip());
			if (kept.problem() != null) {
				PublicationForms.reject(List.of(kept.problem()), errors);
				return content;
			}
			figures.add(kept.file());
		}
		return new PublicationContent(content.title(), content.summary(), content.body(), content.publishedOn(), content.docNumber(),
				content.issuers(), content.docType(), content.writtenOn(), content.effectiveOn(), content.topic(), content.disclosure(),
				content.disclosureReason(), content.items(), attachments, content.policyId(), content.form(), figures, content.questions(),
				content.category(), null, null, null, null);
	}

	private String edit(Model model, StaffMember staff, PublicationKind kind, PublicationRow row, PublicationContent current) {
		model.addAttribute("kind", kind);
		model.addAttribute("p", row);
		model.addAttribute("current", current);
		model.addAttribute("departments", directory.departments());
		model.addAttribute("docTypes", PolicyTerms.DocType.values());
		model.addAttribute("disclosures", PolicyTerms.Disclosure.values());
		model.addAttribute("forms", PolicyTerms.InterpretationForm.values());
		model.addAttribute("categories", PolicyTerms.ArticleCategory.values());
		model.addAttribute("topics", PolicyTerms.TOPICS);
		// the department's published policies, and the one an interpretation already explains (maybe another department's)
		UUID explained = current == null ? null : current.policyId();
		model.addAttribute("policies", repository.where("where kind = 'POLICY' and status = 'PUBLISHED' and (department_code = ? or id = ?)"
				+ " order by published_on desc", department(staff), explained));
		return "openness/publications/edit";
	}

	/** The content being edited: the open draft's, or the live one's. */
	private PublicationContent current(UUID id) {
		List<RevisionRow> revisions = repository.revisions(id);
		return revisions.stream().filter(r -> r.status().open()).findFirst()
			.or(() -> revisions.stream().filter(r -> r.status() == RevisionStatus.APPROVED).findFirst())
			.map(RevisionRow::content)
			.orElseThrow(() -> DomainException.notFound("publication"));
	}

	private static PublicationKind kind(String text) {
		try {
			return PublicationKind.valueOf(text);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw DomainException.notFound("kind");
		}
	}

	private static String department(StaffMember staff) {
		if (staff.departmentCode() == null) {
			throw DomainException.notFound("department");
		}
		return staff.departmentCode();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
