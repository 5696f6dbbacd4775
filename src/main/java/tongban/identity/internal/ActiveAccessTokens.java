package tongban.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The revocation check of the resource server: a signed access token is accepted only while the authorization store
 * still holds it as active. A token revoked at {@code /oauth2/revoke}, revoked with its family after a reused code or
 * refresh token, replaced by a refresh, or never issued by this store is refused, like an introspection answering
 * {@code active: false} (RFC 7662), without a call per request: each answer is kept for
 * {@code TONGBAN_REVOCATION_CHECK_CACHE} (5 s), so a revocation reaches every node within that time (docs/security.md).
 */
@Component
class ActiveAccessTokens implements OAuth2TokenValidator<Jwt> {

	/** More distinct tokens than this within one cache period and the expired answers are dropped first, then all. */
	private static final int MAX_ENTRIES = 20_000;

	private static final OAuth2Error INACTIVE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The access token was revoked, replaced or not issued here", null);

	private record Answer(boolean active, Instant until) {
	}

	private final OAuth2AuthorizationService authorizations;
	private final Duration cacheFor;
	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	ActiveAccessTokens(OAuth2AuthorizationService authorizations,
			@Value("${tongban.revocation-check-cache:5s}") Duration cacheFor) {
		this.authorizations = authorizations;
		this.cacheFor = cacheFor;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Instant now = Instant.now();
		// the token's own id (signed, unique per token) keeps the cache small; the whole value if it has none
		String key = jwt.getId() != null ? jwt.getId() : jwt.getTokenValue();
		Answer answer = answers.get(key);
		if (answer == null || !answer.until().isAfter(now)) {
			answer = new Answer(active(jwt.getTokenValue()), now.plus(cacheFor));
			remember(key, answer, now);
		}
		return answer.active() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(INACTIVE);
	}

	private boolean active(String tokenValue) {
		OAuth2Authorization authorization = authorizations.findByToken(tokenValue, OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<OAuth2AccessToken> token = authorization == null ? null : authorization.getAccessToken();
		return token != null && tokenValue.equals(token.getToken().getTokenValue()) && token.isActive();
	}

	private void remember(String key, Answer answer, Instant now) {
		if (answers.size() >= MAX_ENTRIES) {
			answers.values().removeIf(a -> !a.until().isAfter(now));
			if (answers.size() >= MAX_ENTRIES) {
				answers.clear();
			}
		}
		answers.put(key, answer);
	}
}
