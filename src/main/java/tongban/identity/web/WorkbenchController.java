package tongban.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.internal.InPersonCheck;

/** Staff landing page, and the counter clerk's in-person identity check that raises an account to L3. */
@Controller
class WorkbenchController {

	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final InPersonCheck inPerson;

	WorkbenchController(IdentityManagement identity, DirectoryManagement directory, InPersonCheck inPerson) {
		this.identity = identity;
		this.directory = directory;
		this.inPerson = inPerson;
	}

	@GetMapping("/workbench")
	String workbench(Authentication auth, Model model) {
		AccountSummary me = IdentityModelAdvice.require(identity, auth);
		if (me.departmentId() != null) {
			directory.department(me.departmentId()).ifPresent(d -> model.addAttribute("department", d));
		}
		if (me.regionScope() != null) {
			model.addAttribute("regionName", directory.fullName(me.regionScope()));
		}
		return "identity/workbench";
	}

	@GetMapping("/workbench/counter/verify")
	String verifyForm() {
		return "identity/counter-verify";
	}

	@PostMapping("/workbench/counter/verify")
	String verify(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
			Authentication auth, Model model, RedirectAttributes redirect) {
		InPersonCheck.Result result = inPerson.raiseToL3(IdentityModelAdvice.accountId(auth), idNumber, name);
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
