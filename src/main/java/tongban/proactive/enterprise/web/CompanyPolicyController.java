package tongban.proactive.enterprise.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.proactive.enterprise.CompanyPolicies;

/**
 * 惠企政策 on the company account ({@code /business/policies}): the policies matched to the company the citizen acts
 * for, with why, what, how and until when. Acting for oneself, or for another company's policy: "not found".
 */
@Controller
class CompanyPolicyController {

	private final CompanyPolicies policies;

	CompanyPolicyController(CompanyPolicies policies) {
		this.policies = policies;
	}

	@GetMapping("/business/policies")
	String list(@CurrentActor(missing = "policy") Actor actor, Model model) {
		model.addAttribute("matched", policies.of(actor.party()));
		model.addAttribute("company", actor.party());
		return "proactive/enterprise/company-policies";
	}

	@GetMapping("/business/policies/{code}")
	String one(@PathVariable String code, @CurrentActor(missing = "policy") Actor actor, Model model) {
		model.addAttribute("m", policies.one(actor.party(), code));
		model.addAttribute("company", actor.party());
		return "proactive/enterprise/company-policy";
	}
}
