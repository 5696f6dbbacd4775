package tongban.hall.tutorials.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.catalog.PublishedItem;
import tongban.hall.tutorials.Tutorials;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * 图解 in the catalogue console: department admins of the item's department and platform admins add, edit, reorder and
 * delete an item's steps (the URL rule lets both roles in; {@link Tutorials#editable} checks the department).
 */
@Controller
class TutorialConsoleController {

	/** The words of a step as typed, and its picture (required for a new step, optional when editing). */
	record StepForm(String title, String text, String alt, MultipartFile image) {

		static StepForm empty() {
			return new StepForm("", "", "", null);
		}

		Tutorials.StepInput input() {
			return new Tutorials.StepInput(title, text, alt);
		}
	}

	private static final String BASE = "/console/items/{code}/tutorial";

	private final Tutorials tutorials;

	TutorialConsoleController(Tutorials tutorials) {
		this.tutorials = tutorials;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping(BASE)
	String list(@PathVariable String code, @CurrentStaff StaffMember staff, Model model) {
		return listPage(tutorials.editable(staff, code), StepForm.empty(), model);
	}

	@PostMapping(BASE)
	String add(@PathVariable String code, @ModelAttribute("form") StepForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect)
			throws IOException {
		PublishedItem item = tutorials.editable(staff, code);
		List<FieldProblem> problems = tutorials.add(staff, code, form.input(), upload(form.image()));
		if (!problems.isEmpty()) {
			reject(errors, problems);
			return listPage(item, form, model);
		}
		redirect.addFlashAttribute("banner", "hall.tutorial.added");
		return "redirect:/console/items/" + code + "/tutorial";
	}

	@GetMapping(BASE + "/steps/{id}")
	String edit(@PathVariable String code, @PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		PublishedItem item = tutorials.editable(staff, code);
		Tutorials.Step step = tutorials.step(code, id).orElseThrow(() -> DomainException.notFound("step"));
		return stepPage(item, step, new StepForm(step.title(), step.text(), step.alt(), null), model);
	}

	@PostMapping(BASE + "/steps/{id}")
	String update(@PathVariable String code, @PathVariable UUID id, @ModelAttribute("form") StepForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect)
			throws IOException {
		PublishedItem item = tutorials.editable(staff, code);
		Tutorials.Step step = tutorials.step(code, id).orElseThrow(() -> DomainException.notFound("step"));
		List<FieldProblem> problems = tutorials.update(staff, code, id, form.input(), upload(form.image()));
		if (!problems.isEmpty()) {
			reject(errors, problems);
			return stepPage(item, step, form, model);
		}
		redirect.addFlashAttribute("banner", "hall.tutorial.saved");
		return "redirect:/console/items/" + code + "/tutorial";
	}

	@PostMapping(BASE + "/steps/{id}/move")
	String move(@PathVariable String code, @PathVariable UUID id, @RequestParam String direction, @CurrentStaff StaffMember staff) {
		tutorials.move(staff, code, id, "up".equals(direction) ? -1 : "down".equals(direction) ? 1 : 0);
		return "redirect:/console/items/" + code + "/tutorial";
	}

	@PostMapping(BASE + "/steps/{id}/delete")
	String delete(@PathVariable String code, @PathVariable UUID id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		tutorials.delete(staff, code, id);
		redirect.addFlashAttribute("banner", "hall.tutorial.deleted");
		return "redirect:/console/items/" + code + "/tutorial";
	}

	private String listPage(PublishedItem item, StepForm form, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("steps", tutorials.steps(item.code()));
		model.addAttribute("form", form);
		model.addAttribute("maxSteps", Tutorials.MAX_STEPS);
		return "hall/tutorials/console";
	}

	private String stepPage(PublishedItem item, Tutorials.Step step, StepForm form, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("step", step);
		model.addAttribute("form", form);
		return "hall/tutorials/step";
	}

	private static void reject(BindingResult errors, List<FieldProblem> problems) {
		problems.forEach(p -> errors.rejectValue(p.field(), p.code(), p.argArray(), p.code()));
	}

	private static Upload upload(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file.getBytes());
	}
}
