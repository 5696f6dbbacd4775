package tongban.identity.web;

import java.util.List;

/** A relying party or department system to register with the OIDC provider. */
public record ClientForm(String name, String redirectUris, String postLogoutRedirectUris, List<String> grantTypes,
		List<String> scopes, boolean confidential) {

	public static ClientForm empty() {
		return new ClientForm("", "", "", List.of("authorization_code", "refresh_token"), List.of("openid", "profile"), true);
	}
}
