package tongban.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Parses and checks the signature of an access token once, not on every request it comes with: the complaint-lifecycle
 * profile (issue #21) found a twelfth of each API call's CPU in parsing the token and verifying its RSA signature,
 * though a client sends the same token until it expires. The token's exact text is the key, so only the very token
 * that was verified is found; the validators (expiry, type, revocation) still run on every request, and the signing
 * key is looked up again, so a token that expires, is revoked or whose key was retired is refused as before.
 */
final class VerifiedTokens implements JwtDecoder {

	/** More distinct tokens than this and the expired ones are dropped first, then all. */
	private static final int MAX_ENTRIES = 20_000;

	private final JwtDecoder verifying;
	private final OAuth2TokenValidator<Jwt> validator;
	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();
	private final Predicate<Jwt> keyStillTrusted;

	/**
	 * @param verifying parses and verifies the signature, validating nothing else
	 * @param validator what every request's token must pass
	 * @param keyStillTrusted whether the key that signed a remembered token still verifies (a retired key does not:
	 *        the token is then verified again, and refused)
	 */
	VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, Predicate<Jwt> keyStillTrusted) {
		this.verifying = verifying;
		this.validator = validator;
		this.keyStillTrusted = keyStillTrusted;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = verified.get(token);
		if (jwt != null && !keyStillTrusted.test(jwt)) {
			verified.remove(token);
			jwt = null;
		}
		if (jwt == null) {
			jwt = verifying.decode(token);
			remember(token, jwt);
		}
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		if (result.hasErrors()) {
			String description = result.getErrors().stream().map(OAuth2Error::getDescription).filter(text -> text != null && !text.isEmpty())
				.findFirst().orElse("Unable to validate Jwt");
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
		}
		return jwt;
	}

	private void remember(String token, Jwt jwt) {
		if (verified.size() >= MAX_ENTRIES) {
			Instant now = Instant.now();
			verified.values().removeIf(known -> known.getExpiresAt() == null || !known.getExpiresAt().isAfter(now));
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
		}
		verified.put(token, jwt);
	}
}
