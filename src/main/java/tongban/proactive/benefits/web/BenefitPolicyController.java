package tongban.proactive.benefits.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.ResourceCatalogue;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.proactive.benefits.AmountRule;
import tongban.proactive.benefits.BenefitMode;
import tongban.proactive.benefits.BenefitPeriod;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.Problem;

/**
 * 免申即享 policies of the department, kept by its admins: new ones and changes (each saved as a new version; the
 * decisions already made keep theirs). A condition naming a field the register lacks is refused, naming the field.
 */
@Controller
class BenefitPolicyController {

	private final BenefitPolicies policies;
	private final ResourceCatalogue catalogue;

	BenefitPolicyController(BenefitPolicies policies, ResourceCatalogue catalogue) {
		this.policies = policies;
		this.catalogue = catalogue;
	}

	@GetMapping("/workbench/benefits/policies")
	String list(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("policies", policies.ofDepartment(BenefitStaff.admin(staff).departmentCode()));
		return "proactive/benefits/policies";
	}

	@GetMapping("/workbench/benefits/policies/new")
	String create(@CurrentStaff StaffMember staff, Model model) {
		BenefitStaff.admin(staff);
		return form(PolicyForm.empty(), null, Map.of(), model);
	}

	@GetMapping("/workbench/benefits/policies/{id}")
	String edit(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		var policy = policies.latestOf(BenefitStaff.id(id, "benefit-policy"), BenefitStaff.admin(staff).departmentCode());
		model.addAttribute("policy", policy);
		return form(PolicyForm.of(policy), policy.id(), Map.of(), model);
	}

	@PostMapping("/workbench/benefits/policies/new")
	String saveNew(@ModelAttribute PolicyForm form, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		return save(null, form, staff, model, redirect);
	}

	@PostMapping("/workbench/benefits/policies/{id}")
	String saveVersion(@PathVariable String id, @ModelAttribute PolicyForm form, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		UUID policyId = BenefitStaff.id(id, "benefit-policy");
		model.addAttribute("policy", policies.latestOf(policyId, BenefitStaff.admin(staff).departmentCode()));
		return save(policyId, form, staff, model, redirect);
	}

	private String save(UUID id, PolicyForm form, StaffMember staff, Model model, RedirectAttributes redirect) {
		BenefitStaff.admin(staff);
		Map<String, Problem> problems = policies.save(form.draft(id), staff.departmentCode(), staff.name());
		if (!problems.isEmpty()) {
			return form(form, id, problems, model);
		}
		redirect.addFlashAttribute("banner", "proactive.benefit.policy.saved");
		return "redirect:/workbench/benefits/policies";
	}

	private String form(PolicyForm form, UUID id, Map<String, Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("policyId", id);
		model.addAttribute("problems", problems);
		model.addAttribute("resources", catalogue.resources());
		model.addAttribute("amountKinds", AmountRule.KINDS);
		model.addAttribute("modes", List.of(BenefitMode.values()));
		model.addAttribute("periods", List.of(BenefitPeriod.values()));
		return "proactive/benefits/policy-form";
	}
}
