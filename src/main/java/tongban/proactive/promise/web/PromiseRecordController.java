package tongban.proactive.promise.web;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.proactive.promise.PromiseBreaches;
import tongban.shared.Clocks;

/**
 * 我的承诺信用: the party's own breaches of false promises (a person's, or a company's to its representative or agent
 * acting for it), each with its case, findings and the day the restriction on promising ends.
 */
@Controller
class PromiseRecordController {

	private final PromiseBreaches breaches;

	PromiseRecordController(PromiseBreaches breaches) {
		this.breaches = breaches;
	}

	@GetMapping("/account/promise-record")
	String record(@CurrentActor(fullScope = true) Actor actor, Model model) {
		model.addAttribute("party", actor.party());
		model.addAttribute("breaches", breaches.ofParty(actor.party().id()));
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		return "proactive/promise/record";
	}
}
