package tongban.approval.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.approval.ApprovalManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/** 督办: a supervisor sees every case in their region whose clock is yellow, red or stopped. */
@Controller
class SupervisionController {

	private final ApprovalManagement approval;

	SupervisionController(ApprovalManagement approval) {
		this.approval = approval;
	}

	@GetMapping("/workbench/supervision")
	String warnings(@CurrentStaff(missing = "page") StaffMember me, Model model) {
		if (!me.has(Role.SUPERVISOR)) {
			throw DomainException.notFound("page");
		}
		model.addAttribute("region", me.regionScope());
		model.addAttribute("warnings", approval.warnings(me.regionScope()));
		return "approval/supervision";
	}
}
