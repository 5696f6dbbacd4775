package tongban.identity.web;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.Relationships;
import tongban.identity.internal.SessionKeys;
import tongban.identity.internal.SignInService;
import tongban.notification.BouncedAddresses;
import tongban.shared.DomainException;

/** 个人中心: profile, whom I act for, my proxies, sign-in history and activity. */
@Controller
class AccountController {

	private final AccountRepository accounts;
	private final IdentityManagement identity;
	private final Relationships relationships;
	private final SignInService signIns;
	private final BouncedAddresses bounced;

	AccountController(AccountRepository accounts, IdentityManagement identity, Relationships relationships,
			SignInService signIns, BouncedAddresses bounced) {
		this.bounced = bounced;
		this.accounts = accounts;
		this.identity = identity;
		this.relationships = relationships;
		this.signIns = signIns;
	}

	@GetMapping("/account")
	String account(Authentication auth, Model model) {
		UUID id = IdentityModelAdvice.accountId(auth);
		model.addAttribute("signIns", signIns.recent(id, 10));
		model.addAttribute("activity", identity.activity(id, 20));
		model.addAttribute("companies", relationships.represented(id));
		String saved = identity.contact(id).map(IdentityManagement.Contact::email).orElse("");
		if (!model.containsAttribute("email")) {
			model.addAttribute("email", saved);
		}
		// mail to the saved address came back: the person is asked to check it (read from the bounce mailbox)
		model.addAttribute("emailBounce", bounced.of(saved).orElse(null));
		return "identity/account";
	}

	@PostMapping("/account/email")
	String email(@RequestParam(defaultValue = "") String email, Authentication auth, Model model, RedirectAttributes redirect) {
		if (!identity.changeEmail(IdentityModelAdvice.accountId(auth), email)) {
			model.addAttribute("emailError", true);
			model.addAttribute("email", email);
			return account(auth, model);
		}
		redirect.addFlashAttribute("banner", "account.email.saved");
		return "redirect:/account";
	}

	@PostMapping("/account/acting-as")
	String actAs(@RequestParam UUID partyId, Authentication auth, HttpSession session, RedirectAttributes redirect) {
		Account me = me(auth);
		Party party = identity.partyFor(me.id(), partyId).orElseThrow(() -> DomainException.notFound("party"));
		session.setAttribute(SessionKeys.ACTING_FOR, party);
		identity.record(new Actor(me.id(), me.displayName(), party), "SWITCH_PARTY", party.name());
		redirect.addFlashAttribute("banner", "account.acting.switched");
		return "redirect:/account";
	}

	@GetMapping("/account/proxies")
	String proxies(Authentication auth, Model model) {
		model.addAttribute("form", GrantForm.empty());
		return proxyPage(me(auth), model);
	}

	@PostMapping("/account/proxies")
	String grant(@ModelAttribute("form") GrantForm form, BindingResult errors, Authentication auth, Model model,
			RedirectAttributes redirect) {
		Account me = me(auth);
		if (relationships.grantProxy(me, form, errors).isEmpty()) {
			return proxyPage(me, model);
		}
		redirect.addFlashAttribute("banner", "proxy.granted");
		return "redirect:/account/proxies";
	}

	@PostMapping("/account/proxies/{grantId}/revoke")
	String revoke(@PathVariable UUID grantId, Authentication auth, RedirectAttributes redirect) {
		relationships.revokeProxy(me(auth), grantId);
		redirect.addFlashAttribute("banner", "proxy.revoked");
		return "redirect:/account/proxies";
	}

	private String proxyPage(Account me, Model model) {
		model.addAttribute("given", relationships.proxiesGiven(me.id()));
		model.addAttribute("received", relationships.proxiesReceived(me.id()));
		model.addAttribute("names", relationships);
		return "identity/proxies";
	}

	private Account me(Authentication auth) {
		return accounts.findById(IdentityModelAdvice.accountId(auth)).orElseThrow();
	}
}
