package tongban.proactive.opendata.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.proactive.opendata.AccessApplications;
import tongban.proactive.opendata.Datasets;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * The providing department's admin at {@code /workbench/open-data}: publishes and withdraws the department's datasets
 * and decides the applications for its 有条件开放 ones. Another department's dataset or application is not found.
 */
@Controller
class OpenDataWorkbenchController {

	private final Datasets datasets;
	private final AccessApplications applications;

	OpenDataWorkbenchController(Datasets datasets, AccessApplications applications) {
		this.datasets = datasets;
		this.applications = applications;
	}

	@GetMapping("/workbench/open-data")
	String overview(@CurrentStaff StaffMember staff, Model model) {
		String department = department(staff);
		model.addAttribute("datasets", datasets.ofDepartment(department));
		model.addAttribute("applications", applications.ofDepartment(department));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "proactive/opendata/workbench";
	}

	@PostMapping("/workbench/open-data/datasets/{id}/publish")
	String publish(@PathVariable String id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		try {
			datasets.publish(id, department(staff), staff.name());
			redirect.addFlashAttribute("banner", "opendata.workbench.published");
		}
		catch (DomainException e) {
			if (!e.code().equals("opendata-privacy")) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", "opendata.workbench.privacyRefused");
		}
		return "redirect:/workbench/open-data";
	}

	@PostMapping("/workbench/open-data/datasets/{id}/withdraw")
	String withdraw(@PathVariable String id, @RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		datasets.own(id, department(staff));
		if (reason.isBlank() || reason.length() > 500) {
			return again(staff, model, "reason-" + id, reason.isBlank() ? "opendata.workbench.error.reason" : "opendata.workbench.error.reasonLong");
		}
		datasets.withdraw(id, department(staff), reason, staff.name());
		redirect.addFlashAttribute("banner", "opendata.workbench.withdrawn");
		return "redirect:/workbench/open-data";
	}

	@PostMapping("/workbench/open-data/applications/{id}/approve")
	String approve(@PathVariable UUID id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		applications.approve(id, department(staff), staff.name());
		redirect.addFlashAttribute("banner", "opendata.workbench.approved");
		return "redirect:/workbench/open-data";
	}

	@PostMapping("/workbench/open-data/applications/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 500) {
			applications.find(id).orElseThrow(() -> DomainException.notFound("application"));
			return again(staff, model, "refuse-" + id, reason.isBlank() ? "opendata.workbench.error.reason" : "opendata.workbench.error.reasonLong");
		}
		applications.refuse(id, department(staff), reason, staff.name());
		redirect.addFlashAttribute("banner", "opendata.workbench.refused");
		return "redirect:/workbench/open-data";
	}

	private String again(StaffMember staff, Model model, String field, String message) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, message);
		model.addAttribute("errors", errors);
		return overview(staff, model);
	}

	private static String department(StaffMember staff) {
		if (staff.departmentCode() == null || !staff.has(Role.DEPT_ADMIN)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "department admins only");
		}
		return staff.departmentCode();
	}
}
