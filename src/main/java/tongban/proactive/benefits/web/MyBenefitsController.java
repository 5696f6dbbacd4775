package tongban.proactive.benefits.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.proactive.benefits.BenefitContests;
import tongban.proactive.benefits.BenefitDecision;
import tongban.proactive.benefits.BenefitDecisions;
import tongban.proactive.benefits.PaymentOrders;
import tongban.proactive.benefits.Problem;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;

/**
 * 我的待遇: a person's (or, on the company account, a company's) 免申即享 decisions; each explained in plain words (which
 * data, which rule version, the legal basis and policy document, the amount), confirmed with one click, or contested
 * with a reason. Found only by the payee's own ID number or USCC: anyone else's decision is not found.
 */
@Controller
class MyBenefitsController {

	private final BenefitDecisions decisions;
	private final BenefitContests contests;
	private final PaymentOrders payments;
	private final IdentityManagement identity;
	private final DataKeys keys;

	MyBenefitsController(BenefitDecisions decisions, BenefitContests contests, PaymentOrders payments, IdentityManagement identity, DataKeys keys) {
		this.decisions = decisions;
		this.contests = contests;
		this.payments = payments;
		this.identity = identity;
		this.keys = keys;
	}

	@GetMapping({ "/account/benefits", "/business/benefits" })
	String list(@CurrentActor(fullScope = true, missing = "benefit-decision") Actor actor, Model model) {
		model.addAttribute("decisions", decisions.of(payeeIndex(actor)));
		model.addAttribute("base", base(actor));
		return "proactive/benefits/mine";
	}

	@GetMapping({ "/account/benefits/{id}", "/business/benefits/{id}" })
	String decision(@PathVariable String id, @CurrentActor(fullScope = true, missing = "benefit-decision") Actor actor, Model model) {
		String payee = payeeIndex(actor);
		BenefitDecision decision = decisions.ofPayee(BenefitStaff.id(id, "benefit-decision"), payee);
		model.addAttribute("decision", decision);
		model.addAttribute("policy", decisions.policyOf(decision));
		model.addAttribute("explanation", decisions.explain(decision));
		model.addAttribute("awaits", decisions.awaitsPayee(decision));
		model.addAttribute("storedAccount", decisions.storedAccount(payee).orElse(null));
		model.addAttribute("orders", payments.ofDecision(decision.id()));
		model.addAttribute("contests", contests.of(decision.id()));
		model.addAttribute("base", base(actor));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		return "proactive/benefits/decision";
	}

	@PostMapping({ "/account/benefits/{id}/confirm", "/business/benefits/{id}/confirm" })
	String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String bankAccount,
			@CurrentActor(fullScope = true, missing = "benefit-decision") Actor actor, Model model, RedirectAttributes redirect) {
		UUID decisionId = BenefitStaff.id(id, "benefit-decision");
		Map<String, Problem> problems;
		try {
			problems = decisions.confirm(decisionId, payeeIndex(actor), bankAccount);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", "proactive.benefit.decision.alreadyConfirmed");
			return "redirect:" + base(actor) + "/" + decisionId;
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return decision(id, actor, model);
		}
		redirect.addFlashAttribute("banner", "proactive.benefit.decision.confirmed");
		return "redirect:" + base(actor) + "/" + decisionId;
	}

	@PostMapping({ "/account/benefits/{id}/contest", "/business/benefits/{id}/contest" })
	String contest(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			@CurrentActor(fullScope = true, missing = "benefit-decision") Actor actor, Model model, RedirectAttributes redirect) {
		UUID decisionId = BenefitStaff.id(id, "benefit-decision");
		Map<String, Problem> problems = contests.open(decisionId, payeeIndex(actor), actor.accountId(), reason);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("reason", BenefitStaff.clip(reason, 1000));
			return decision(id, actor, model);
		}
		redirect.addFlashAttribute("banner", "proactive.benefit.contest.opened");
		return "redirect:" + base(actor) + "/" + decisionId;
	}

	/** The blind index of the acting party's ID number or USCC, as the batch wrote the payee. */
	private String payeeIndex(Actor actor) {
		String identifier = identity.identifierOf(actor.party()).orElseThrow(() -> DomainException.notFound("benefit-decision"));
		return keys.blindIndex(identifier.strip().toUpperCase());
	}

	private static String base(Actor actor) {
		return actor.party().kind() == Party.Kind.LEGAL_PERSON ? "/business/benefits" : "/account/benefits";
	}
}
