package tongban.identity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.Masking;

/**
 * What relying parties learn of a person: {@code name} (scope profile), {@code id_card} (masked unless the client
 * was granted scope {@code idcard}), {@code phone_number} masked (scope phone), and the level of assurance as
 * {@code acr} ("L1", "L2", "L3"). Access tokens carry the roles for the REST API.
 */
@Component
public class OidcClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String SCOPE_IDCARD = "idcard";

	/** The JWS {@code typ} of access tokens (RFC 9068 §2.1): what tells them from ID tokens signed by the same key. */
	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	private final AccountRepository accounts;

	OidcClaims(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Set<String> scopes = context.getAccessToken().getScopes();
		return new OidcUserInfo(claims(authorization.getPrincipalName(), scopes));
	}

	Map<String, Object> claims(String principalName, Set<String> scopes) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", principalName);
		Optional<Account> account = account(principalName);
		account.ifPresent(a -> {
			claims.put("acr", "L" + a.assuranceLevel());
			if (scopes.contains("profile")) {
				claims.put("name", a.displayName());
			}
			if (a.idNumber() != null && (scopes.contains("profile") || scopes.contains(SCOPE_IDCARD))) {
				claims.put("id_card", scopes.contains(SCOPE_IDCARD) ? a.idNumber() : Masking.idNumber(a.idNumber()));
			}
			if (a.mobile() != null && scopes.contains("phone")) {
				claims.put("phone_number", Masking.mobile(a.mobile()));
			}
		});
		return claims;
	}

	private Optional<Account> account(String principalName) {
		try {
			return accounts.findById(UUID.fromString(principalName));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty(); // a client-credentials token: the subject is the client
		}
	}

	@Override
	public void customize(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			claims(principal.getName(), context.getAuthorizedScopes()).forEach((k, v) -> {
				if (!"sub".equals(k)) {
					context.getClaims().claim(k, v);
				}
			});
		}
		else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
			account(principal.getName()).ifPresent(a -> context.getClaims()
				.claim("roles", a.roles().stream().map(Enum::name).sorted().collect(Collectors.toCollection(ArrayList::new)))
				.claim("acr", "L" + a.assuranceLevel()));
		}
	}
}
