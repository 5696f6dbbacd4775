package tongban.privacy.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.feedback.DefaultRatingExplanations;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.proactive.BenefitExplanations;
import tongban.shared.DomainException;

/**
 * 自动化决策的说明 (个人信息保护法 Art. 24 para. 3): every result the platform reached about the person by a rule rather
 * than by a member of staff, each with "这个结果是怎么得出的" opening the rule and the data it used: default ratings of
 * their cases (feedback) and 免申即享 decisions (proactive, whose own page also offers confirming and contesting).
 */
@Controller
class ExplanationsController {

	private final DefaultRatingExplanations ratings;
	private final BenefitExplanations benefits;

	ExplanationsController(DefaultRatingExplanations ratings, BenefitExplanations benefits) {
		this.ratings = ratings;
		this.benefits = benefits;
	}

	@GetMapping("/account/privacy/explanations")
	String list(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		if (!actor.actingForSelf()) {
			throw DomainException.notFound("privacy");
		}
		model.addAttribute("ratings", ratings.of(actor.party().id()));
		model.addAttribute("waitingDays", ratings.waitingDays());
		model.addAttribute("benefits", benefits.of(actor.party()));
		return "privacy/explanations";
	}
}
