package tongban.openness.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.openness.internal.DepartmentGuides;
import tongban.openness.internal.DepartmentGuides.DepartmentGuide;
import tongban.openness.internal.DepartmentGuides.Edit;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * A department's 政府信息公开指南 and 公开目录 for everyone (/openness/{department}/guide, /catalogue), and their editing
 * by the department's INFO_EDITOR on the workbench.
 */
@Controller
class DepartmentGuideController {

	private final DepartmentGuides guides;
	private final DirectoryManagement directory;

	DepartmentGuideController(DepartmentGuides guides, DirectoryManagement directory) {
		this.guides = guides;
		this.directory = directory;
	}

	/** The form: one text per guide section, one description per catalogue category, and the version read. */
	public static class GuideForm {

		private List<String> sections = new ArrayList<>();
		private List<String> descriptions = new ArrayList<>();
		private String version = "";

		static GuideForm of(DepartmentGuide guide) {
			GuideForm form = new GuideForm();
			guide.sections().forEach(section -> form.sections.add(section.text()));
			guide.catalogue().forEach(category -> form.descriptions.add(category.description()));
			form.version = Integer.toString(guide.version());
			return form;
		}

		public List<String> getSections() {
			return sections;
		}

		public void setSections(List<String> sections) {
			this.sections = sections;
		}

		public List<String> getDescriptions() {
			return descriptions;
		}

		public void setDescriptions(List<String> descriptions) {
			this.descriptions = descriptions;
		}

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		/** The version the form was read at, or -1 (never current) when the field was tampered with. */
		int versionRead() {
			return version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
		}
	}

	/** The texts arrive as repeated fields in order; indexed names (sections[7]) are not bound. */
	@InitBinder("form")
	void fields(WebDataBinder binder) {
		binder.setAllowedFields("sections", "descriptions", "version");
	}

	@GetMapping("/openness/{department}/guide")
	String guide(@PathVariable String department, Model model) {
		show(department, model);
		return "openness/guide/guide";
	}

	@GetMapping("/openness/{department}/catalogue")
	String catalogue(@PathVariable String department, Model model) {
		show(department, model);
		return "openness/guide/catalogue";
	}

	private void show(String code, Model model) {
		DepartmentView department = directory.departmentByCode(code).orElseThrow(() -> DomainException.notFound("department"));
		DepartmentGuide guide = guides.find(department.code()).orElseThrow(() -> DomainException.notFound("department guide"));
		model.addAttribute("department", department);
		model.addAttribute("guide", guide);
	}

	@GetMapping("/workbench/publications/guide")
	String edit(@CurrentStaff StaffMember staff, Model model) {
		DepartmentGuide guide = guides.editable(staff);
		model.addAttribute("form", GuideForm.of(guide));
		return editPage(guide, model);
	}

	@PostMapping("/workbench/publications/guide")
	String save(@ModelAttribute("form") GuideForm form, BindingResult errors, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		List<FieldProblem> problems = guides.edit(staff, new Edit(form.getSections(), form.getDescriptions(), form.versionRead()));
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "openness.guide.saved");
			return "redirect:/workbench/publications/guide";
		}
		if (problems.stream().anyMatch(problem -> problem.field().equals("version"))) {
			redirect.addFlashAttribute("bannerError", "openness.guide.error.stale");
			return "redirect:/workbench/publications/guide";
		}
		problems.forEach(problem -> errors.rejectValue(problem.field(), problem.code(), problem.argArray(), problem.code()));
		return editPage(guides.editable(staff), model);
	}

	private String editPage(DepartmentGuide guide, Model model) {
		model.addAttribute("guide", guide);
		model.addAttribute("department", directory.departmentByCode(guide.department()).orElseThrow());
		return "openness/guide/edit";
	}
}
