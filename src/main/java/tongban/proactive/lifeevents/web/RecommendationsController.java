package tongban.proactive.lifeevents.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.proactive.lifeevents.Recommendations;
import tongban.shared.DomainException;

/**
 * 为您推荐: a person's open recommendations on their account, a company's on its page for the people acting for it
 * (representative and agents), each with its reason, where to apply, and 不再提示. Someone else's is "not found".
 */
@Controller
class RecommendationsController {

	private final Recommendations recommendations;
	private final IdentityManagement identity;

	RecommendationsController(Recommendations recommendations, IdentityManagement identity) {
		this.recommendations = recommendations;
		this.identity = identity;
	}

	@GetMapping("/account/recommendations")
	String mine(@CurrentActor(missing = "recommendation", fullScope = true) Actor actor, Model model) {
		return page(actor.party(), "/account/recommendations", model);
	}

	@PostMapping("/account/recommendations/{id}/dismiss")
	String dismissMine(@PathVariable UUID id, @CurrentActor(missing = "recommendation", fullScope = true) Actor actor, RedirectAttributes redirect) {
		recommendations.dismiss(actor.party().id(), id);
		redirect.addFlashAttribute("banner", "proactive.life.dismissed");
		return "redirect:/account/recommendations";
	}

	@GetMapping("/business/{companyId}/recommendations")
	String company(@PathVariable UUID companyId, @CurrentActor(missing = "recommendation") Actor actor, Model model) {
		return page(company(actor, companyId), "/business/" + companyId + "/recommendations", model);
	}

	@PostMapping("/business/{companyId}/recommendations/{id}/dismiss")
	String dismissCompany(@PathVariable UUID companyId, @PathVariable UUID id, @CurrentActor(missing = "recommendation") Actor actor,
			RedirectAttributes redirect) {
		recommendations.dismiss(company(actor, companyId).id(), id);
		redirect.addFlashAttribute("banner", "proactive.life.dismissed");
		return "redirect:/business/" + companyId + "/recommendations";
	}

	private Party company(Actor actor, UUID companyId) {
		return identity.partyFor(actor.accountId(), companyId).filter(party -> party.kind() == Party.Kind.LEGAL_PERSON)
			.orElseThrow(() -> DomainException.notFound("recommendation"));
	}

	private String page(Party party, String base, Model model) {
		model.addAttribute("party", party);
		model.addAttribute("company", party.kind() == Party.Kind.LEGAL_PERSON);
		model.addAttribute("cards", recommendations.open(party.id()));
		model.addAttribute("base", base);
		return "proactive/lifeevents/recommendations";
	}
}
