package tongban.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import tongban.identity.GrantScope;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;

/**
 * Puts the signed-in person and the party they act for on every page, for the header's account menu. Never creates a
 * session: anonymous portal pages stay sessionless.
 */
@ControllerAdvice
class IdentityModelAdvice {

	private final IdentityManagement identity;

	IdentityModelAdvice(IdentityManagement identity) {
		this.identity = identity;
	}

	@ModelAttribute
	void addAccount(Model model, HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			return; // pages only: the API answers with data, not with a page header
		}
		ActingResolver.accountId(SecurityContextHolder.getContext().getAuthentication()).flatMap(identity::account).ifPresent(me -> {
			model.addAttribute("me", me);
			if (!me.staff()) {
				Party chosen = ActingResolver.chosenParty(request);
				Party acting = chosen != null ? chosen : new Party(Party.Kind.CITIZEN, me.id(), me.displayName());
				model.addAttribute("actingFor", acting);
				// what a proxy's or agent's grant covers: the page offers only that (the wallet and reads need a full grant)
				model.addAttribute("actingScope", acting.id().equals(me.id()) ? GrantScope.FULL : identity.scopeOf(me.id(), acting));
				List<Party> parties = identity.partiesOf(me.id());
				model.addAttribute("parties", parties);
			}
		});
	}

	static UUID accountId(Authentication auth) {
		return UUID.fromString(auth.getName());
	}
}
