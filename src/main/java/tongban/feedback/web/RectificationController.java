package tongban.feedback.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.feedback.Appeals;
import tongban.feedback.FeedbackRoles;
import tongban.feedback.InvalidFeedback;
import tongban.feedback.Ratings;
import tongban.feedback.RectificationOutcome;
import tongban.feedback.Rectifications;
import tongban.feedback.TaskDetail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 差评整改 on the workbench: the department's staff (department admins and approvers) see their department's tasks with
 * deadlines and overdue marks, and verify, rectify or explain, and revisit; the department admin may appeal a bad rating.
 * Supervisors decide the appeals of their region and see its ratings, excluded ones marked. Raters' names are masked.
 */
@Controller
class RectificationController {

	private final Rectifications rectifications;
	private final Appeals appeals;
	private final Ratings ratings;
	private final Forms forms;

	RectificationController(Rectifications rectifications, Appeals appeals, Ratings ratings, Forms forms) {
		this.rectifications = rectifications;
		this.appeals = appeals;
		this.ratings = ratings;
		this.forms = forms;
	}

	/** The member of staff if they work their department's tasks; for anyone else there are none. */
	private static StaffMember department(StaffMember staff) {
		if (!FeedbackRoles.worksOwnDepartment(staff)) {
			throw DomainException.notFound("tasks");
		}
		return staff;
	}

	@GetMapping("/workbench/ratings")
	String tasks(@CurrentStaff StaffMember staff, Model model) {
		StaffMember s = department(staff);
		model.addAttribute("tasks", rectifications.tasks(s));
		model.addAttribute("ratings", ratings.ofDepartment(s, 50));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		model.addAttribute("department", forms.departmentNames().getOrDefault(s.departmentCode(), s.departmentCode()));
		return "feedback/tasks";
	}

	@GetMapping("/workbench/ratings/tasks/{id}")
	String task(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		return show(department(staff), id, null, null, model);
	}

	private String show(StaffMember s, UUID id, Map<String, String> errors, Map<String, String> form, Model model) {
		TaskDetail d = rectifications.task(s, id);
		model.addAttribute("d", d);
		model.addAttribute("t", d.task());
		model.addAttribute("rating", d.rating());
		model.addAttribute("rater", ratings.raterName(d.rating()));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		model.addAttribute("mayAppeal", s.has(Role.DEPT_ADMIN) && d.appeal().isEmpty() && d.rating().counted());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? Map.of() : form);
		return "feedback/task";
	}

	@PostMapping("/workbench/ratings/tasks/{id}")
	String step(@PathVariable UUID id, @RequestParam String step, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String ground,
			@RequestParam(defaultValue = "") String reason, @CurrentStaff StaffMember staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffMember s = department(staff);
		try {
			switch (step) {
				case "verify" -> rectifications.verify(s, id, note);
				case "rectify" -> rectifications.rectify(s, id, RectificationOutcome.parse(outcome).orElse(null), note);
				case "revisit" -> rectifications.revisit(s, id, note);
				case "appeal" -> appeals.appeal(s, rectifications.task(s, id).rating().id(), ground, reason);
				default -> throw DomainException.notFound("step");
			}
		}
		catch (InvalidFeedback e) {
			response.setStatus(422);
			return show(s, id, e.problems(), Map.of("note", note, "outcome", outcome == null ? "" : outcome, "ground", ground == null ? "" : ground,
					"reason", reason, "step", step), model);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			response.setStatus(409);
			return show(s, id, Map.of("note", "error." + e.code()), Map.of("note", note, "step", step), model);
		}
		redirect.addFlashAttribute("banner", "feedback.task.done." + step);
		return "redirect:/workbench/ratings/tasks/" + id;
	}

	// ---- supervisors

	private static StaffMember supervisor(StaffMember staff) {
		if (!FeedbackRoles.supervisor(staff)) {
			throw DomainException.notFound("appeals");
		}
		return staff;
	}

	@GetMapping("/workbench/ratings/appeals")
	String appeals(@CurrentStaff StaffMember staff, Model model) {
		return appealsPage(supervisor(staff), null, null, model);
	}

	private String appealsPage(StaffMember s, UUID errorAppeal, String error, Model model) {
		model.addAttribute("appeals", appeals.appeals(s));
		model.addAttribute("ratings", ratings.supervised(s, 100));
		model.addAttribute("departments", forms.departmentNames());
		model.addAttribute("region", s.regionScope());
		model.addAttribute("errorAppeal", errorAppeal);
		model.addAttribute("error", error);
		return "feedback/appeals";
	}

	@PostMapping("/workbench/ratings/appeals/{id}")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			@CurrentStaff StaffMember staff, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffMember s = supervisor(staff);
		try {
			if (!decision.equals("uphold") && !decision.equals("reject")) {
				throw new InvalidFeedback(Map.of("decision", "feedback.error.decision"));
			}
			appeals.decide(s, id, decision.equals("uphold"), note);
		}
		catch (InvalidFeedback e) {
			response.setStatus(422);
			return appealsPage(s, id, e.problems().values().iterator().next(), model);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			response.setStatus(409);
			return appealsPage(s, id, "error." + e.code(), model);
		}
		redirect.addFlashAttribute("banner", "feedback.appeal.decided." + decision);
		return "redirect:/workbench/ratings/appeals";
	}
}
