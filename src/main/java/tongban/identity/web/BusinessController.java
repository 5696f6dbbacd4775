package tongban.identity.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.domain.LegalPerson;
import tongban.identity.internal.Relationships;

/** 法人账户: bind a business to its USCC and manage its agents (经办人). */
@Controller
class BusinessController {

	private final AccountRepository accounts;
	private final Relationships relationships;

	BusinessController(AccountRepository accounts, Relationships relationships) {
		this.accounts = accounts;
		this.relationships = relationships;
	}

	@GetMapping("/business/new")
	String form(Model model) {
		model.addAttribute("form", LegalPersonForm.empty());
		return "identity/business-new";
	}

	@PostMapping("/business")
	String create(@ModelAttribute("form") LegalPersonForm form, BindingResult errors, Authentication auth,
			RedirectAttributes redirect) {
		return relationships.registerLegalPerson(me(auth), form, errors).map(lp -> {
			redirect.addFlashAttribute("banner", "business.created");
			return "redirect:/business/" + lp.id();
		}).orElse("identity/business-new");
	}

	@GetMapping("/business/{id}")
	String show(@PathVariable UUID id, Authentication auth, Model model) {
		model.addAttribute("form", GrantForm.empty());
		return page(relationships.representedBy(id, me(auth).id()), model);
	}

	@PostMapping("/business/{id}/agents")
	String grant(@PathVariable UUID id, @ModelAttribute("form") GrantForm form, BindingResult errors, Authentication auth,
			Model model, RedirectAttributes redirect) {
		Account me = me(auth);
		LegalPerson lp = relationships.representedBy(id, me.id());
		if (relationships.grantAgent(me, lp, form, errors).isEmpty()) {
			return page(lp, model);
		}
		redirect.addFlashAttribute("banner", "agent.granted");
		return "redirect:/business/" + id;
	}

	@PostMapping("/business/{id}/agents/{grantId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID grantId, Authentication auth, RedirectAttributes redirect) {
		Account me = me(auth);
		relationships.revokeAgent(me, relationships.representedBy(id, me.id()), grantId);
		redirect.addFlashAttribute("banner", "agent.revoked");
		return "redirect:/business/" + id;
	}

	private String page(LegalPerson lp, Model model) {
		model.addAttribute("company", lp);
		model.addAttribute("agents", relationships.agents(lp.id()));
		model.addAttribute("names", relationships);
		return "identity/business";
	}

	private Account me(Authentication auth) {
		return accounts.findById(IdentityModelAdvice.accountId(auth)).orElseThrow();
	}
}
