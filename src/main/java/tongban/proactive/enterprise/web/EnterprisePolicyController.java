package tongban.proactive.enterprise.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.proactive.enterprise.EnterprisePolicies;
import tongban.proactive.enterprise.EnterprisePolicy;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;

/**
 * 惠企政策 for department admins ({@code /workbench/enterprise-policies}, DEPT_ADMIN by the security rules): their
 * department's policies with how many companies each matched (numbers only), a new one, a change. Another department's
 * policy is "not found".
 */
@Controller
class EnterprisePolicyController {

	private final EnterprisePolicies policies;
	private final ResourceCatalogue catalogue;

	EnterprisePolicyController(EnterprisePolicies policies, ResourceCatalogue catalogue) {
		this.policies = policies;
		this.catalogue = catalogue;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "code");
	}

	@GetMapping("/workbench/enterprise-policies")
	String list(@CurrentStaff(missing = "policy") StaffMember staff, Model model) {
		model.addAttribute("policies", policies.ofDepartment(staff.departmentCode()));
		model.addAttribute("counts", policies.matchCounts(staff.departmentCode()));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		return "proactive/enterprise/policies";
	}

	@GetMapping("/workbench/enterprise-policies/new")
	String create(@CurrentStaff(missing = "policy") StaffMember staff, Model model) {
		return form(new PolicyForm().padded(), null, Map.of(), model);
	}

	@PostMapping("/workbench/enterprise-policies")
	String save(@CurrentStaff(missing = "policy") StaffMember staff, @ModelAttribute("form") PolicyForm form, Model model,
			RedirectAttributes redirect) {
		return saved(staff, null, form, model, redirect);
	}

	@GetMapping("/workbench/enterprise-policies/{code}")
	String edit(@PathVariable String code, @CurrentStaff(missing = "policy") StaffMember staff, Model model) {
		EnterprisePolicy policy = policies.ofDepartment(staff.departmentCode(), code);
		model.addAttribute("matched", policies.matchCounts(staff.departmentCode()).getOrDefault(policy.id(), 0L));
		return form(PolicyForm.of(policy), policy, Map.of(), model);
	}

	@PostMapping("/workbench/enterprise-policies/{code}")
	String change(@PathVariable String code, @CurrentStaff(missing = "policy") StaffMember staff, @ModelAttribute("form") PolicyForm form,
			Model model, RedirectAttributes redirect) {
		policies.ofDepartment(staff.departmentCode(), code);
		return saved(staff, code, form, model, redirect);
	}

	private String saved(StaffMember staff, String code, PolicyForm form, Model model, RedirectAttributes redirect) {
		EnterprisePolicies.Saved saved = policies.save(staff, code, form.draft());
		if (!saved.ok()) {
			Map<String, String> errors = new LinkedHashMap<>();
			saved.problems().forEach((field, message) -> errors.put(field.startsWith("condition") && !field.equals("conditions")
					? "condition" + form.rowOf(Integer.parseInt(field.substring("condition".length()))) : field, message));
			return form(form.padded(), code == null ? null : policies.ofDepartment(staff.departmentCode(), code), errors, model);
		}
		redirect.addFlashAttribute("banner", "proactive.enterprise.saved");
		return "redirect:/workbench/enterprise-policies";
	}

	private String form(PolicyForm form, EnterprisePolicy policy, Map<String, String> errors, Model model) {
		Resource register = catalogue.resource(EnterprisePolicy.REGISTER).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		EnterprisePolicies.FIELDS.forEach(name -> fields.put(name, register.label(name)));
		model.addAttribute("form", form);
		model.addAttribute("policy", policy);
		model.addAttribute("errors", errors);
		model.addAttribute("fields", fields);
		model.addAttribute("operators", List.of(Operator.values()));
		return "proactive/enterprise/policy";
	}
}
