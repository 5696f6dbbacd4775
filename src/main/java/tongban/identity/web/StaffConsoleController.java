package tongban.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.identity.StaffMember;
import tongban.identity.internal.StaffAdministration;

/** Staff accounts (platform admin) and changing one's own password (everyone signed in). */
@Controller
class StaffConsoleController {

	private final StaffAdministration staff;
	private final DirectoryManagement directory;

	StaffConsoleController(StaffAdministration staff, DirectoryManagement directory) {
		this.staff = staff;
		this.directory = directory;
	}

	@GetMapping("/console/staff")
	String list(Model model) {
		model.addAttribute("form", StaffForm.empty());
		return page(model);
	}

	@PostMapping("/console/staff")
	String create(@ModelAttribute("form") StaffForm form, BindingResult errors, @CurrentStaff StaffMember admin, Model model) {
		StaffAdministration.Created created = staff.create(form, errors, admin.id().toString());
		if (created != null) {
			model.addAttribute("created", created);
			model.addAttribute("form", StaffForm.empty());
		}
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("staff", staff.list());
		model.addAttribute("departments", directory.departments());
		model.addAttribute("staffRoles", StaffAdministration.STAFF_ROLES.stream().map(Enum::name).toList());
		return "identity/staff";
	}

	@GetMapping("/password")
	String passwordForm(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return "identity/password";
	}

	@PostMapping("/password")
	String changePassword(@ModelAttribute("form") PasswordForm form, BindingResult errors, Authentication auth,
			RedirectAttributes redirect) {
		if (!staff.changePassword(IdentityModelAdvice.accountId(auth), form, errors)) {
			return "identity/password";
		}
		redirect.addFlashAttribute("banner", "password.changed");
		return "redirect:/password";
	}
}
