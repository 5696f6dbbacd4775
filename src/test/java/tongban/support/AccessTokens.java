package tongban.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import tongban.identity.internal.ClientRegistrations;
import tongban.identity.internal.OidcSigningKeys;

/**
 * Access tokens as the platform's authorization server issues them: {@code typ: at+jwt}, signed by its key, with the
 * scopes granted, and recorded as active in its store (the API checks all three). For tests of an API that are not
 * about the OIDC flows; those go through the real sign-in and consent pages ({@link OidcFlow}).
 */
public final class AccessTokens {

	private static final String CLIENT_ID = "test-api-client";

	private final JWKSource<SecurityContext> jwks;
	private final RegisteredClientRepository clients;
	private final ClientRegistrations registrations;
	private final OAuth2AuthorizationService store;

	public AccessTokens(JWKSource<SecurityContext> jwks, RegisteredClientRepository clients, ClientRegistrations registrations,
			OAuth2AuthorizationService store) {
		this.jwks = jwks;
		this.clients = clients;
		this.registrations = registrations;
		this.store = store;
	}

	/** An access token, valid for an hour (long enough for a benchmark), for this account (or client id) with these scopes. */
	public synchronized String issue(Object subject, String... scopes) {
		RegisteredClient client = clients.findByClientId(CLIENT_ID);
		if (client == null) {
			registrations.save(CLIENT_ID, "测试接口客户端", "secret-" + UUID.randomUUID(), List.of("authorization_code", "refresh_token"),
					List.of("openid", "cases.read", "cases.write", "tasks", "exchange", "audit"), List.of("http://127.0.0.1:9/cb"), List.of());
			client = clients.findByClientId(CLIENT_ID);
		}
		Instant now = Instant.now();
		Instant expires = now.plus(Duration.ofHours(1));
		JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject.toString()).audience(List.of(CLIENT_ID)).issuedAt(now)
			.expiresAt(expires).id(UUID.randomUUID().toString()).claim("scope", List.of(scopes)).claim("client_id", CLIENT_ID).build();
		JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt");
		if (jwks instanceof OidcSigningKeys keys) {
			// the key that signs now, by its id: during a rotation the JWKS holds more than one
			header.keyId(keys.signingKeyId());
		}
		String value = new NimbusJwtEncoder(jwks).encode(JwtEncoderParameters.from(header.build(), claims)).getTokenValue();
		store.save(OAuth2Authorization.withRegisteredClient(client).principalName(subject.toString())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).authorizedScopes(Set.of(scopes))
			.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, expires, Set.of(scopes)))
			.build());
		return value;
	}
}
