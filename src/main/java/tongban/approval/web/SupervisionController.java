package tongban.approval.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.approval.ApprovalManagement;
import tongban.approval.SupervisedWork;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/** 督办: a supervisor sees every case in their region whose clock is yellow, red or stopped, and other overdue work ({@link SupervisedWork}). */
@Controller
class SupervisionController {

	private final ApprovalManagement approval;
	private final List<SupervisedWork> otherWork;

	SupervisionController(ApprovalManagement approval, List<SupervisedWork> otherWork) {
		this.approval = approval;
		this.otherWork = otherWork;
	}

	/** A section of other work on a clock: its heading's message key and the overdue pieces. */
	public record Section(String titleKey, List<SupervisedWork.Overdue> overdue) {
	}

	@GetMapping("/workbench/supervision")
	String warnings(@CurrentStaff(missing = "page") StaffMember me, Model model) {
		if (!me.has(Role.SUPERVISOR)) {
			throw DomainException.notFound("page");
		}
		model.addAttribute("region", me.regionScope());
		model.addAttribute("warnings", approval.warnings(me.regionScope()));
		model.addAttribute("sections", otherWork.stream().map(w -> new Section(w.titleKey(), w.overdue(me.regionScope()))).toList());
		return "approval/supervision";
	}
}
