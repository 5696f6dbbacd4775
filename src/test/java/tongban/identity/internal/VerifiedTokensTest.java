package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is verified once; its validators run on every request. */
class VerifiedTokensTest {

	@Test
	void verifiesOnceValidatesEveryTime() {
		AtomicInteger verifications = new AtomicInteger();
		AtomicInteger validations = new AtomicInteger();
		AtomicBoolean revoked = new AtomicBoolean();
		VerifiedTokens tokens = new VerifiedTokens(token -> {
			verifications.incrementAndGet();
			return Jwt.withTokenValue(token).header("alg", "RS256").subject("s-" + token).issuedAt(Instant.now())
				.expiresAt(Instant.now().plusSeconds(300)).build();
		}, jwt -> {
			validations.incrementAndGet();
			return revoked.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
					: OAuth2TokenValidatorResult.success();
		}, jwt -> true);

		assertThat(tokens.decode("a").getSubject()).isEqualTo("s-a");
		assertThat(tokens.decode("a").getSubject()).isEqualTo("s-a");
		assertThat(tokens.decode("b").getSubject()).as("another token is verified on its own").isEqualTo("s-b");
		assertThat(verifications).hasValue(2);
		assertThat(validations).hasValue(3);

		revoked.set(true);
		assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(JwtValidationException.class).hasMessageContaining("revoked");
	}

	@Test
	void aTokenWhoseKeyWasRetiredIsVerifiedAgain() {
		AtomicInteger verifications = new AtomicInteger();
		AtomicBoolean retired = new AtomicBoolean();
		VerifiedTokens tokens = new VerifiedTokens(token -> {
			if (verifications.incrementAndGet() > 1) {
				throw new JwtValidationException("no key", List.of(new OAuth2Error("invalid_token")));
			}
			return Jwt.withTokenValue(token).header("alg", "RS256").header("kid", "old").subject("s").build();
		}, jwt -> OAuth2TokenValidatorResult.success(), jwt -> !retired.get());
		assertThat(tokens.decode("t").getSubject()).isEqualTo("s");
		retired.set(true);
		assertThatThrownBy(() -> tokens.decode("t")).isInstanceOf(JwtValidationException.class);
		assertThat(verifications).hasValue(2);
	}

	@Test
	void aTokenThatFailsVerificationIsNotRemembered() {
		AtomicInteger verifications = new AtomicInteger();
		VerifiedTokens tokens = new VerifiedTokens(token -> {
			verifications.incrementAndGet();
			throw new JwtValidationException("bad signature", List.of(new OAuth2Error("invalid_token")));
		}, jwt -> OAuth2TokenValidatorResult.success(), jwt -> true);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
		assertThat(verifications).hasValue(2);
	}
}
