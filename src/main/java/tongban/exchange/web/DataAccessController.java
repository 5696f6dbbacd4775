package tongban.exchange.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import tongban.exchange.ExchangeManagement;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/**
 * 谁查询了我的数据: every read of the data of the party the citizen acts for (themselves, or their company as its
 * agent): when, which department and staff member (masked) or system, which fields, why and for which case; a read the
 * person finds wrong can be reported, which opens a ticket for the supervisors of the reading department's region.
 */
@Controller
class DataAccessController {

	private final ExchangeManagement exchange;
	private final IdentityManagement identity;

	DataAccessController(ExchangeManagement exchange, IdentityManagement identity) {
		this.exchange = exchange;
		this.identity = identity;
	}

	private Actor actor(Authentication auth, HttpServletRequest request) {
		// the record of reads is the party's own: a proxy or agent whose grant names items only does not see it
		return identity.citizenActor(auth, request).filter(a -> a.scope().full()).orElseThrow(() -> DomainException.notFound("account"));
	}

	private String subject(Actor a) {
		return identity.identifierOf(a.party()).orElseThrow(() -> DomainException.notFound("account"));
	}

	@GetMapping("/account/data-access")
	String page(Authentication auth, HttpServletRequest request, Model model) {
		Actor a = actor(auth, request);
		model.addAttribute("party", a.party());
		model.addAttribute("reads", exchange.readsOf(subject(a), a.accountId(), 200));
		return "exchange/data-access";
	}

	@PostMapping("/account/data-access/{accessId}/report")
	String report(@PathVariable long accessId, @RequestParam(defaultValue = "") String reason, Authentication auth, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Actor a = actor(auth, request);
		try {
			exchange.report(accessId, subject(a), a.accountId(), reason);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("reportError", "error." + e.code());
			model.addAttribute("reportAccess", accessId);
			return page(auth, request, model);
		}
		redirect.addFlashAttribute("banner", "exchange.report.sent");
		return "redirect:/account/data-access";
	}
}
