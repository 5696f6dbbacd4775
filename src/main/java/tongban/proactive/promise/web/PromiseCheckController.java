package tongban.proactive.promise.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.CaseId;
import tongban.casework.CasePromises;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.proactive.promise.PromiseBreaches;
import tongban.proactive.promise.PromiseCheck;
import tongban.proactive.promise.PromiseChecks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 告知承诺核查 on the workbench: the department's checks (open first, nearest deadline first) and its breaches; one
 * check with the promise as signed and the result form (属实 / 不实 with findings). Another department's check is 404.
 */
@Controller
class PromiseCheckController {

	private final PromiseChecks checks;
	private final PromiseBreaches breaches;
	private final CasePromises casePromises;

	PromiseCheckController(PromiseChecks checks, PromiseBreaches breaches, CasePromises casePromises) {
		this.checks = checks;
		this.breaches = breaches;
		this.casePromises = casePromises;
	}

	@GetMapping("/workbench/promise-checks")
	String list(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("checks", checks.ofDepartment(staff, 200));
		model.addAttribute("breaches", breaches.ofDepartment(staff.departmentCode(), 50));
		return "proactive/promise/checks";
	}

	@GetMapping("/workbench/promise-checks/{id}")
	String one(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		return page(checks.find(staff, parse(id)), "", "", Map.of(), model);
	}

	@PostMapping("/workbench/promise-checks/{id}")
	String record(@PathVariable String id, @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String findings,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		UUID checkId = parse(id);
		List<FieldProblem> problems = checks.record(staff, checkId, outcome, findings);
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", PromiseChecks.CONFIRMED.equals(outcome) ? "proactive.promise.check.confirmed"
					: "proactive.promise.check.broken");
			return "redirect:/workbench/promise-checks/" + checkId;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(p.field(), p.code()));
		return page(checks.find(staff, checkId), outcome, findings, errors, model);
	}

	private String page(PromiseCheck check, String outcome, String findings, Map<String, String> errors, Model model) {
		model.addAttribute("check", check);
		model.addAttribute("promise", casePromises.of(CaseId.of(check.caseId())).orElse(null));
		model.addAttribute("outcome", outcome);
		model.addAttribute("findings", findings);
		model.addAttribute("errors", errors);
		return "proactive/promise/check";
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("promise-check");
		}
	}
}
