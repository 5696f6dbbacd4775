package tongban.identity.web;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.shared.DomainException;

/** The consent page: which system asks, and which of the person's data each requested scope would release. */
@Controller
class ConsentController {

	private final RegisteredClientRepository clients;
	private final OAuth2AuthorizationConsentService consents;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
		this.clients = clients;
		this.consents = consents;
	}

	@GetMapping("/oauth2/consent")
	String consent(Principal principal, Model model, @RequestParam("client_id") String clientId,
			@RequestParam("scope") String scope, @RequestParam("state") String state) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw DomainException.notFound("client");
		}
		OAuth2AuthorizationConsent previous = consents.findById(client.getId(), principal.getName());
		Set<String> approved = previous == null ? Set.of() : previous.getScopes();
		Set<String> toApprove = new LinkedHashSet<>();
		Set<String> already = new LinkedHashSet<>();
		for (String s : scope.split(" ")) {
			if (OidcScopes.OPENID.equals(s) || s.isBlank()) {
				continue;
			}
			(approved.contains(s) ? already : toApprove).add(s);
		}
		model.addAttribute("client", client);
		model.addAttribute("state", state);
		model.addAttribute("scopes", List.copyOf(toApprove));
		model.addAttribute("approvedScopes", List.copyOf(already));
		return "identity/consent";
	}
}
