package tongban.hall.assist.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.hall.assist.HomeVisits;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 上门服务, the person's side: ask for a home visit for themself, or for the family member they act for under a proxy
 * grant (the acting-as switch of 个人中心); see who will come and cancel before the visit.
 */
@Controller
class HomeVisitController {

	private final HomeVisits visits;
	private final IdentityManagement identity;

	HomeVisitController(HomeVisits visits, IdentityManagement identity) {
		this.visits = visits;
		this.identity = identity;
	}

	/** The citizen the request is for: the signed-in person, or the principal they act for. */
	private IdentityManagement.CitizenIdentity person(Actor actor) {
		if (actor.party().kind() != Party.Kind.CITIZEN) {
			throw DomainException.notFound("home visit");
		}
		return identity.citizenIdentity(actor.party().id()).orElseThrow(() -> DomainException.notFound("home visit"));
	}

	@GetMapping("/account/home-visits/new")
	String ask(@CurrentActor(missing = "home visit") Actor actor, Model model) {
		return form(actor, VisitForm.empty(), null, model);
	}

	private String form(Actor actor, VisitForm form, Map<String, String> errors, Model model) {
		model.addAttribute("personName", person(actor).name());
		model.addAttribute("proxy", !actor.actingForSelf());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("townships", visits.townships());
		model.addAttribute("items", visits.items());
		model.addAttribute("reasons", HomeVisits.Reason.values());
		return "hall/assist/visit-new";
	}

	@PostMapping("/account/home-visits/new")
	String request(@ModelAttribute VisitForm form, @CurrentActor(missing = "home visit") Actor actor, Model model, HttpServletResponse response) {
		IdentityManagement.CitizenIdentity person = person(actor);
		HomeVisits.Request request = form.request(person.name(), person.idNumber());
		Map<String, String> errors = new LinkedHashMap<>(visits.check(request));
		errors.remove("name");
		errors.remove("idNumber");
		String itemName = visits.items().get(form.itemCode());
		if (itemName != null && !actor.covers(itemName)) {
			// a proxy asks only within what their grant covers
			errors.put("itemCode", "hall.assist.visit.error.scope");
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return form(actor, form, errors, model);
		}
		UUID id = visits.request(request, actor.actingForSelf() ? HomeVisits.RequestChannel.SELF : HomeVisits.RequestChannel.PROXY,
				actor.party().id(), actor.accountId(), actor.accountName());
		return "redirect:/account/home-visits/" + id;
	}

	@GetMapping("/account/home-visits")
	String list(@CurrentActor(missing = "home visit") Actor actor, Model model) {
		model.addAttribute("visits", visits.ofCitizen(actor.accountId()));
		model.addAttribute("items", visits.items());
		return "hall/assist/visits";
	}

	@GetMapping("/account/home-visits/{id}")
	String show(@PathVariable UUID id, @CurrentActor(missing = "home visit") Actor actor, Model model) {
		model.addAttribute("visit", visits.forCitizen(actor.accountId(), id));
		model.addAttribute("items", visits.items());
		model.addAttribute("townships", visits.townships());
		return "hall/assist/visit";
	}

	@PostMapping("/account/home-visits/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason,
			@CurrentActor(missing = "home visit") Actor actor) {
		visits.cancel(actor.accountId(), id, reason.length() > 200 ? reason.substring(0, 200) : reason);
		return "redirect:/account/home-visits/" + id;
	}
}
