package tongban.exchange.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.Access;
import tongban.exchange.AccessRecords;
import tongban.exchange.ReadConcerns;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 谁查询了我的数据: every read of the data of the party the citizen acts for (themselves, or their company as its
 * agent): when, which department and staff member (masked) or system, which fields, why and for which case; a read the
 * person finds wrong can be reported, which opens a ticket for the supervisors of the reading department's region.
 */
@Controller
class DataAccessController {

	private final AccessRecords records;
	private final IdentityManagement identity;
	private final List<ReadConcerns> concerns;

	DataAccessController(AccessRecords records, IdentityManagement identity, List<ReadConcerns> concerns) {
		this.records = records;
		this.identity = identity;
		this.concerns = concerns;
	}

	private String subject(Actor actor) {
		return identity.identifierOf(actor.party()).orElseThrow(() -> DomainException.notFound("account"));
	}

	@GetMapping("/account/data-access")
	String page(@CurrentActor(fullScope = true) Actor actor, Model model) {
		model.addAttribute("party", actor.party());
		List<Access> reads = records.readsOf(subject(actor), actor.accountId(), 200);
		List<Long> ids = reads.stream().map(Access::id).toList();
		Set<Long> confirmed = concerns.stream().flatMap(c -> c.confirmed(ids).stream()).collect(Collectors.toSet());
		model.addAttribute("reads", reads);
		model.addAttribute("confirmed", confirmed);
		return "exchange/data-access";
	}

	@PostMapping("/account/data-access/{accessId}/report")
	String report(@PathVariable long accessId, @RequestParam(defaultValue = "") String reason,
			@CurrentActor(fullScope = true) Actor actor, Model model, RedirectAttributes redirect) {
		try {
			records.report(accessId, subject(actor), actor.accountId(), reason);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("reportError", "error." + e.code());
			model.addAttribute("reportAccess", accessId);
			return page(actor, model);
		}
		redirect.addFlashAttribute("banner", "exchange.report.sent");
		return "redirect:/account/data-access";
	}
}
