package tongban.feedback.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.feedback.FeedbackManagement;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 差评整改 on the workbench: the department's staff (department admins and approvers) see their department's tasks with
 * deadlines and overdue marks, and verify, rectify or explain, and revisit; the department admin may appeal a bad rating.
 * Supervisors decide the appeals of their region and see its ratings, excluded ones marked. Raters' names are masked.
 */
@Controller
class RectificationController {

	private final FeedbackManagement feedback;
	private final Forms forms;

	RectificationController(FeedbackManagement feedback, Forms forms) {
		this.feedback = feedback;
		this.forms = forms;
	}

	private FeedbackManagement.Staff department(Authentication auth) {
		FeedbackManagement.Staff s = forms.staff(auth);
		if (s.departmentCode() == null || !(s.roles().contains(Role.DEPT_ADMIN) || s.roles().contains(Role.APPROVER))) {
			throw DomainException.notFound("tasks");
		}
		return s;
	}

	@GetMapping("/workbench/ratings")
	String tasks(Authentication auth, Model model) {
		FeedbackManagement.Staff s = department(auth);
		model.addAttribute("tasks", feedback.tasks(s));
		model.addAttribute("ratings", feedback.ratingsOfDepartment(s, 50));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		model.addAttribute("department", forms.departmentNames().getOrDefault(s.departmentCode(), s.departmentCode()));
		model.addAttribute("feedback", feedback);
		return "feedback/tasks";
	}

	@GetMapping("/workbench/ratings/tasks/{id}")
	String task(@PathVariable UUID id, Authentication auth, Model model) {
		return show(department(auth), id, null, null, model);
	}

	private String show(FeedbackManagement.Staff s, UUID id, Map<String, String> errors, Map<String, String> form, Model model) {
		FeedbackManagement.TaskDetail d = feedback.task(s, id);
		model.addAttribute("d", d);
		model.addAttribute("t", d.task());
		model.addAttribute("rating", d.rating());
		model.addAttribute("rater", feedback.raterName(d.rating()));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		model.addAttribute("mayAppeal", s.roles().contains(Role.DEPT_ADMIN) && d.appeal().isEmpty() && d.rating().counted());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? Map.of() : form);
		return "feedback/task";
	}

	@PostMapping("/workbench/ratings/tasks/{id}")
	String step(@PathVariable UUID id, @RequestParam String step, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String ground,
			@RequestParam(defaultValue = "") String reason, Authentication auth, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FeedbackManagement.Staff s = department(auth);
		try {
			switch (step) {
				case "verify" -> feedback.verify(s, id, note);
				case "rectify" -> feedback.rectify(s, id, outcome, note);
				case "revisit" -> feedback.revisit(s, id, note);
				case "appeal" -> feedback.appeal(s, feedback.task(s, id).rating().id(), ground, reason);
				default -> throw DomainException.notFound("step");
			}
		}
		catch (FeedbackManagement.Invalid e) {
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

	private FeedbackManagement.Staff supervisor(Authentication auth) {
		FeedbackManagement.Staff s = forms.staff(auth);
		if (!s.roles().contains(Role.SUPERVISOR) || s.regionScope() == null) {
			throw DomainException.notFound("appeals");
		}
		return s;
	}

	@GetMapping("/workbench/ratings/appeals")
	String appeals(Authentication auth, Model model) {
		return appealsPage(supervisor(auth), null, null, model);
	}

	private String appealsPage(FeedbackManagement.Staff s, UUID errorAppeal, String error, Model model) {
		model.addAttribute("appeals", feedback.appeals(s));
		model.addAttribute("ratings", feedback.ratingsSupervised(s, 100));
		model.addAttribute("departments", forms.departmentNames());
		model.addAttribute("region", s.regionScope());
		model.addAttribute("errorAppeal", errorAppeal);
		model.addAttribute("error", error);
		return "feedback/appeals";
	}

	@PostMapping("/workbench/ratings/appeals/{id}")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		FeedbackManagement.Staff s = supervisor(auth);
		try {
			if (!decision.equals("uphold") && !decision.equals("reject")) {
				throw new FeedbackManagement.Invalid(Map.of("decision", "feedback.error.decision"));
			}
			feedback.decide(s, id, decision.equals("uphold"), note);
		}
		catch (FeedbackManagement.Invalid e) {
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
