package tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.identity.StaffMember;
import tongban.identity.internal.InPersonCheck;

/** Staff landing page, and the counter clerk's in-person identity check that raises an account to L3. */
@Controller
class WorkbenchController {

	private final DirectoryManagement directory;
	private final InPersonCheck inPerson;

	WorkbenchController(DirectoryManagement directory, InPersonCheck inPerson) {
		this.directory = directory;
		this.inPerson = inPerson;
	}

	@GetMapping("/workbench")
	String workbench(@CurrentStaff StaffMember staff, Model model) {
		if (staff.departmentCode() != null) {
			directory.departmentByCode(staff.departmentCode()).ifPresent(d -> model.addAttribute("department", d));
		}
		if (staff.regionScope() != null) {
			model.addAttribute("regionName", directory.fullName(staff.regionScope()));
		}
		return "identity/workbench";
	}

	@GetMapping("/workbench/counter/verify")
	String verifyForm() {
		return "identity/counter-verify";
	}

	@PostMapping("/workbench/counter/verify")
	String verify(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
			@CurrentStaff StaffMember clerk, Model model, RedirectAttributes redirect) {
		InPersonCheck.Result result = inPerson.raiseToL3(clerk.id(), idNumber, name);
		if (result != InPersonCheck.Result.RAISED) {
			model.addAttribute("verifyError", "counter.verify.error." + result.name());
			model.addAttribute("idNumber", idNumber);
			model.addAttribute("name", name);
			return "identity/counter-verify";
		}
		redirect.addFlashAttribute("banner", "counter.verify.done");
		return "redirect:/workbench/counter/verify";
	}
}
