package tongban.proactive.benefits.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.proactive.benefits.BatchRun;
import tongban.proactive.benefits.BenefitBatch;
import tongban.proactive.benefits.BenefitContests;
import tongban.proactive.benefits.BenefitDecision;
import tongban.proactive.benefits.BenefitDecisions;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.Contest;
import tongban.proactive.benefits.PaymentOrders;
import tongban.proactive.benefits.Problem;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * The 免申即享 workbench of a department: its policies' batch runs (an admin runs one now), the contests of its
 * decisions (staff uphold or dismiss them with an answer), and its payment orders (staff record the disbursement's
 * answer). Every staff step is audited; another department's contest or order is not found.
 */
@Controller
class BenefitWorkbenchController {

	private final BenefitPolicies policies;
	private final BenefitBatch batch;
	private final BenefitContests contests;
	private final BenefitDecisions decisions;
	private final PaymentOrders payments;
	private final AuditTrail audit;

	BenefitWorkbenchController(BenefitPolicies policies, BenefitBatch batch, BenefitContests contests, BenefitDecisions decisions,
			PaymentOrders payments, AuditTrail audit) {
		this.policies = policies;
		this.batch = batch;
		this.contests = contests;
		this.decisions = decisions;
		this.payments = payments;
		this.audit = audit;
	}

	@GetMapping("/workbench/benefits")
	String home(@CurrentStaff StaffMember staff, Model model) {
		String department = BenefitStaff.ofDepartment(staff).departmentCode();
		model.addAttribute("policies", policies.ofDepartment(department));
		model.addAttribute("runs", batch.runs(department, 50));
		model.addAttribute("admin", staff.has(Role.DEPT_ADMIN));
		return "proactive/benefits/workbench";
	}

	@PostMapping("/workbench/benefits/policies/{id}/run")
	String run(@PathVariable String id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		var policy = policies.latestOf(BenefitStaff.id(id, "benefit-policy"), BenefitStaff.admin(staff).departmentCode());
		try {
			BatchRun run = batch.run(policy, staff.name(), LocalDate.now(Clocks.ZONE));
			audit.record("BENEFIT_BATCH", "staff:" + staff.id(), "benefit-batch:" + run.id(),
					policy.code() + " v" + policy.version() + ": read " + run.read() + ", eligible " + run.eligible() + ", new decisions " + run.granted());
			redirect.addFlashAttribute("banner", "proactive.benefit.batch.done");
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", "proactive.benefit.batch.running");
		}
		return "redirect:/workbench/benefits";
	}

	@GetMapping("/workbench/benefits/contests")
	String contests(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("contests", contests.ofDepartment(BenefitStaff.ofDepartment(staff).departmentCode()));
		return "proactive/benefits/contests";
	}

	@GetMapping("/workbench/benefits/contests/{id}")
	String contest(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		Contest contest = contests.contest(BenefitStaff.id(id, "benefit-contest"), BenefitStaff.ofDepartment(staff));
		BenefitDecision decision = decisions.ofDepartment(contest.decisionId(), staff.departmentCode());
		audit.record(AuditTrail.DATA_READ, "staff:" + staff.id(), "benefit-decision:" + decision.id(), "contest reviewed: values used read");
		model.addAttribute("contest", contest);
		model.addAttribute("decision", decision);
		model.addAttribute("payee", Masking.name(decision.payeeName()));
		model.addAttribute("policy", decisions.policyOf(decision));
		model.addAttribute("explanation", decisions.explain(decision));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		return "proactive/benefits/contest";
	}

	@PostMapping("/workbench/benefits/contests/{id}")
	String answer(@PathVariable String id, @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String answer,
			@RequestParam(defaultValue = "") String correctedAmount, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		UUID contestId = BenefitStaff.id(id, "benefit-contest");
		BenefitStaff.ofDepartment(staff);
		Map<String, Problem> problems;
		if (!"UPHELD".equals(outcome) && !"DISMISSED".equals(outcome)) {
			contests.contest(contestId, staff);
			problems = Map.of("outcome", Problem.of("proactive.benefit.error.outcome"));
		}
		else {
			problems = contests.answer(contestId, staff, "UPHELD".equals(outcome), answer, correctedAmount);
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("outcome", outcome);
			model.addAttribute("answer", BenefitStaff.clip(answer, 1000));
			model.addAttribute("correctedAmount", BenefitStaff.clip(correctedAmount, 20));
			return contest(id, staff, model);
		}
		redirect.addFlashAttribute("banner", "proactive.benefit.contest.answered");
		return "redirect:/workbench/benefits/contests/" + contestId;
	}

	@GetMapping("/workbench/benefits/payments")
	String payments(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("orders", payments.ofDepartment(BenefitStaff.ofDepartment(staff).departmentCode(), 200));
		model.addAttribute("demo", payments.demo());
		return "proactive/benefits/payments";
	}

	@PostMapping("/workbench/benefits/payments/{id}")
	String settle(@PathVariable String id, @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String failure,
			@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		UUID orderId = BenefitStaff.id(id, "payment-order");
		try {
			payments.settle(orderId, "PAID".equals(outcome), failure, BenefitStaff.ofDepartment(staff));
			redirect.addFlashAttribute("banner", "proactive.benefit.payment.settled");
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", e.kind() == DomainException.Kind.INVALID ? "proactive.benefit.error.failure"
					: "proactive.benefit.payment.moved");
		}
		return "redirect:/workbench/benefits/payments";
	}
}
