package tongban.licence.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.StaffMember;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.licence.LicenceManagement;
import tongban.shared.DomainException;

/**
 * The licences a department issued, for its approvers and admins: status, and revocation (撤销) or cancellation (注销)
 * with a reason, effective at once on the public verification page.
 */
@Controller
class LicenceStaffController {

	private final LicenceManagement licences;
	private final IdentityManagement identity;

	LicenceStaffController(LicenceManagement licences, IdentityManagement identity) {
		this.licences = licences;
		this.identity = identity;
	}

	private record Staff(String name, String departmentCode) {
	}

	private Staff staff(Authentication auth) {
		StaffMember a = identity.staffMember(UUID.fromString(auth.getName()))
			.orElseThrow(() -> DomainException.notFound("licence"));
		if (!a.roles().contains(Role.APPROVER) && !a.roles().contains(Role.DEPT_ADMIN) || a.departmentCode() == null) {
			throw DomainException.notFound("licence");
		}
		return new Staff(a.name(), a.departmentCode());
	}

	@GetMapping("/workbench/licences")
	String list(Authentication auth, Model model) {
		Staff s = staff(auth);
		model.addAttribute("licences", licences.issuedBy(s.departmentCode(), 200));
		return "licence/staff";
	}

	@PostMapping("/workbench/licences/status")
	String status(@RequestParam String identifier, @RequestParam String status, @RequestParam(defaultValue = "") String reason,
			Authentication auth, Model model, RedirectAttributes redirect) {
		Staff s = staff(auth);
		LicenceManagement.Status target = "CANCELLED".equals(status) ? LicenceManagement.Status.CANCELLED : LicenceManagement.Status.REVOKED;
		try {
			licences.changeStatus(identifier, s.departmentCode(), target, reason, s.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("statusError", "licence.error.reason");
			model.addAttribute("errorIdentifier", identifier);
			return list(auth, model);
		}
		redirect.addFlashAttribute("banner", target == LicenceManagement.Status.REVOKED ? "licence.revoked" : "licence.cancelled");
		return "redirect:/workbench/licences";
	}
}
