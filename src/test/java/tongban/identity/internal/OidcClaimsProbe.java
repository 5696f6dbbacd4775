package tongban.identity.internal;

import java.util.Map;
import java.util.Set;

import tongban.identity.domain.AccountRepository;

/** Test access to the package-private claim builder. */
public class OidcClaimsProbe {

	private final OidcClaims claims;

	public OidcClaimsProbe(AccountRepository accounts) {
		this.claims = new OidcClaims(accounts);
	}

	public Map<String, Object> claims(String sub, Set<String> scopes) {
		return claims.claims(sub, scopes);
	}
}
