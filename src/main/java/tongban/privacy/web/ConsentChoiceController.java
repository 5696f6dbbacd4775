package tongban.privacy.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.ConsentChannel;
import tongban.identity.ConsentLedger;
import tongban.identity.ProcessingPurpose;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * Withdrawing and giving again a consent from the privacy centre (个人信息保护法 Art. 15): only the person themself, only
 * a purpose that rests on consent and is withdrawn here. A purpose resting on law is refused with a message saying so;
 * a purpose the platform does not have is "not found".
 */
@Controller
class ConsentChoiceController {

	private static final String CENTRE = "redirect:/account/privacy#consents";

	private final ConsentLedger ledger;

	ConsentChoiceController(ConsentLedger ledger) {
		this.ledger = ledger;
	}

	@PostMapping("/account/privacy/consents/{code}/withdraw")
	String withdraw(@PathVariable String code, @CurrentActor(missing = "privacy", fullScope = true) Actor actor, RedirectAttributes redirect) {
		ProcessingPurpose purpose = purpose(code, actor);
		try {
			ledger.withdraw(actor.accountId(), purpose, ConsentChannel.WEB);
			redirect.addFlashAttribute("banner", "privacy.consent.withdrawn");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("bannerError", message(refused));
		}
		return CENTRE;
	}

	@PostMapping("/account/privacy/consents/{code}/give")
	String give(@PathVariable String code, @CurrentActor(missing = "privacy", fullScope = true) Actor actor, RedirectAttributes redirect) {
		ProcessingPurpose purpose = purpose(code, actor);
		try {
			if (!purpose.withdrawable()) {
				throw new DomainException(DomainException.Kind.INVALID, ConsentLedger.NOT_WITHDRAWABLE, purpose + " is not given here");
			}
			ledger.give(actor.accountId(), purpose, ConsentChannel.WEB);
			redirect.addFlashAttribute("banner", "privacy.consent.given");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("bannerError", message(refused));
		}
		return CENTRE;
	}

	/** The purpose named in the address; not found for an unknown code, or for anyone acting for another person. */
	private static ProcessingPurpose purpose(String code, Actor actor) {
		if (!actor.actingForSelf()) {
			throw DomainException.notFound("privacy");
		}
		return ProcessingPurpose.ofCode(code).orElseThrow(() -> DomainException.notFound("consent-purpose"));
	}

	private static String message(DomainException refused) {
		if (ConsentLedger.NOT_WITHDRAWABLE.equals(refused.code())) {
			return "privacy.consent.error.notWithdrawable";
		}
		if (refused.kind() == DomainException.Kind.CONFLICT) {
			return "privacy.consent.error.moved";
		}
		throw refused;
	}
}
