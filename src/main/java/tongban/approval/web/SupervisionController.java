package tongban.approval.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.approval.ApprovalManagement;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.shared.DomainException;

/** 督办: a supervisor sees every case in their region whose clock is yellow, red or stopped. */
@Controller
class SupervisionController {

	private final ApprovalManagement approval;
	private final IdentityManagement identity;

	SupervisionController(ApprovalManagement approval, IdentityManagement identity) {
		this.approval = approval;
		this.identity = identity;
	}

	@GetMapping("/workbench/supervision")
	String warnings(Authentication auth, Model model) {
		AccountSummary me = identity.account(UUID.fromString(auth.getName())).filter(a -> a.roles().contains(Role.SUPERVISOR))
			.orElseThrow(() -> DomainException.notFound("page"));
		model.addAttribute("region", me.regionScope());
		model.addAttribute("warnings", approval.warnings(me.regionScope()));
		return "approval/supervision";
	}
}
