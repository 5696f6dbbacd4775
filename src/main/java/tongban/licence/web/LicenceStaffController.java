package tongban.licence.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.licence.LicenceManagement;
import tongban.shared.DomainException;

/**
 * The licences a department issued, for its approvers and admins: status, and revocation (撤销) or cancellation (注销)
 * with a reason, effective at once on the public verification page.
 */
@Controller
class LicenceStaffController {

	private final LicenceManagement licences;

	LicenceStaffController(LicenceManagement licences) {
		this.licences = licences;
	}

	/** Only a department's approvers and admins see what it issued; for anyone else the licences are "not found". */
	private static StaffMember issuing(StaffMember staff) {
		if (!staff.hasAny(Role.APPROVER, Role.DEPT_ADMIN) || staff.departmentCode() == null) {
			throw DomainException.notFound("licence");
		}
		return staff;
	}

	@GetMapping("/workbench/licences")
	String list(@CurrentStaff(missing = "licence") StaffMember staff, Model model) {
		model.addAttribute("licences", licences.issuedBy(issuing(staff).departmentCode(), 200));
		return "licence/staff";
	}

	@PostMapping("/workbench/licences/status")
	String status(@RequestParam String identifier, @RequestParam String status, @RequestParam(defaultValue = "") String reason,
			@CurrentStaff(missing = "licence") StaffMember staff, Model model, RedirectAttributes redirect) {
		issuing(staff);
		LicenceManagement.Status target = "CANCELLED".equals(status) ? LicenceManagement.Status.CANCELLED : LicenceManagement.Status.REVOKED;
		try {
			licences.changeStatus(identifier, staff.departmentCode(), target, reason, staff.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("statusError", "licence.error.reason");
			model.addAttribute("errorIdentifier", identifier);
			return list(staff, model);
		}
		redirect.addFlashAttribute("banner", target == LicenceManagement.Status.REVOKED ? "licence.revoked" : "licence.cancelled");
		return "redirect:/workbench/licences";
	}
}
