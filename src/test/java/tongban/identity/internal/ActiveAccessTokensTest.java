package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The revocation check answers from the store, and keeps each answer for the cache period, no longer. */
class ActiveAccessTokensTest {

	private final InMemoryOAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
	private final RegisteredClient client = RegisteredClient.withId("c1").clientId("c1")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://127.0.0.1/cb").build();

	private Jwt issue(String value) {
		Instant now = Instant.now();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plusSeconds(600));
		store.save(OAuth2Authorization.withRegisteredClient(client).id(UUID.randomUUID().toString()).principalName("p")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).token(token).build());
		return jwt(value);
	}

	private static Jwt jwt(String value) {
		return Jwt.withTokenValue(value).header("typ", "at+jwt").subject("p").jti(UUID.randomUUID().toString())
			.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
	}

	private void revoke(String value) {
		OAuth2Authorization a = store.findByToken(value, null);
		store.save(OAuth2Authorization.from(a).invalidate(a.getAccessToken().getToken()).build());
	}

	@Test
	void activeUntilRevokedAndUnknownNever() {
		ActiveAccessTokens check = new ActiveAccessTokens(store, Duration.ZERO);
		Jwt token = issue("token-1");
		assertThat(check.validate(token).hasErrors()).isFalse();
		revoke("token-1");
		assertThat(check.validate(token).hasErrors()).as("revoked").isTrue();
		assertThat(check.validate(jwt("never-issued")).hasErrors()).as("not issued by the store").isTrue();
	}

	@Test
	void anAnswerIsKeptForTheCachePeriod() {
		ActiveAccessTokens check = new ActiveAccessTokens(store, Duration.ofHours(1));
		Jwt token = issue("token-2");
		assertThat(check.validate(token).hasErrors()).isFalse();
		revoke("token-2");
		assertThat(check.validate(token).hasErrors()).as("the cached answer, within the period").isFalse();
		assertThat(new ActiveAccessTokens(store, Duration.ofHours(1)).validate(token).hasErrors()).as("a node that had not asked yet")
			.isTrue();
	}
}
