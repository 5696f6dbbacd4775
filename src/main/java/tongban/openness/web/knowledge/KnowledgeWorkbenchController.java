package tongban.openness.web.knowledge;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.openness.internal.knowledge.KnowledgeCuration;
import tongban.openness.internal.knowledge.KnowledgeCuration.Draft;
import tongban.openness.internal.knowledge.KnowledgeEntry;
import tongban.openness.internal.knowledge.KnowledgeStatus;
import tongban.shared.FieldProblem;

/**
 * The workbench's knowledge base: a department's curated entries, writing and correcting one (question, colloquial
 * variants, answer, related items, owner, review date, sources), retiring and restoring it. Audited by
 * {@link KnowledgeCuration}; another department's entry is a 404.
 */
@Controller
class KnowledgeWorkbenchController {

	private final KnowledgeCuration curation;

	KnowledgeWorkbenchController(KnowledgeCuration curation) {
		this.curation = curation;
	}

	@GetMapping("/workbench/knowledge")
	String list(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("entries", curation.mine(staff));
		return "openness/knowledge/workbench";
	}

	@GetMapping("/workbench/knowledge/new")
	String form(Model model) {
		model.addAttribute("form", new Draft("", "", "", "", "", "", ""));
		return "openness/knowledge/edit";
	}

	@PostMapping("/workbench/knowledge/new")
	String create(@ModelAttribute("form") Draft form, BindingResult errors, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		return saved(curation.save(staff, null, form), errors, redirect);
	}

	@GetMapping("/workbench/knowledge/{id}/edit")
	String edit(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		KnowledgeEntry e = curation.own(staff, id);
		model.addAttribute("entry", e);
		model.addAttribute("form", Draft.of(e));
		return "openness/knowledge/edit";
	}

	@PostMapping("/workbench/knowledge/{id}/edit")
	String update(@PathVariable String id, @ModelAttribute("form") Draft form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		KnowledgeEntry e = curation.own(staff, id);
		model.addAttribute("entry", e);
		return saved(curation.save(staff, e, form), errors, redirect);
	}

	private static String saved(KnowledgeCuration.Saved saved, BindingResult errors, RedirectAttributes redirect) {
		if (!saved.problems().isEmpty()) {
			for (FieldProblem p : saved.problems()) {
				errors.rejectValue(p.field(), p.code(), p.argArray(), null);
			}
			return "openness/knowledge/edit";
		}
		redirect.addFlashAttribute("banner", "openness.knowledge.saved");
		return "redirect:/workbench/knowledge";
	}

	@PostMapping("/workbench/knowledge/{id}/retire")
	String retire(@PathVariable String id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return moved(staff, id, KnowledgeStatus.RETIRED, "openness.knowledge.retired", redirect);
	}

	@PostMapping("/workbench/knowledge/{id}/restore")
	String restore(@PathVariable String id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return moved(staff, id, KnowledgeStatus.ACTIVE, "openness.knowledge.restored", redirect);
	}

	private String moved(StaffMember staff, String id, KnowledgeStatus to, String banner, RedirectAttributes redirect) {
		curation.move(staff, curation.own(staff, id), to);
		redirect.addFlashAttribute("banner", banner);
		return "redirect:/workbench/knowledge";
	}
}
