package tongban.identity.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import tongban.shared.ClusterSignals;
import tongban.shared.Secrets;
import tongban.shared.TongbanProperties;

/**
 * The OpenID Connect provider's stores (clients, authorizations and consents in PostgreSQL) and its signing keys, in
 * the database encrypted with the data keys so that every node signs and verifies with the same ones and a rotation
 * needs no restart ({@link OidcSigningKeys}, {@link SigningKeyRotation}, ADR 0045).
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	/** The store, remembering refresh tokens rotated out so that their reuse revokes the family. */
	@Bean
	OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, JdbcClient jdbcClient, RegisteredClientRepository clients) {
		return new RefreshTokenFamilies(new JdbcOAuth2AuthorizationService(jdbc, clients), jdbcClient);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(TongbanProperties properties) {
		AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder();
		if (!properties.issuer().isBlank()) {
			b.issuer(properties.issuer().replaceAll("/+$", ""));
		}
		return b.build();
	}

	/** The cluster's signing keys, in the database (ADR 0045); a key file of an earlier version is imported once. */
	@Bean
	OidcSigningKeys jwkSource(TongbanProperties properties, JdbcClient jdbc, Secrets secrets, TransactionTemplate tx, Clock clock,
			ClusterSignals signals) {
		return new OidcSigningKeys(jdbc, secrets, tx, clock, signals,
				properties.dataDir().toAbsolutePath().resolve("keys").resolve("oidc-signing-key.json"));
	}

	/** Signs with the key that signs now, named in the header ({@code kid}), so that any node verifies it during a rotation. */
	@Bean
	JwtEncoder jwtEncoder(OidcSigningKeys keys) {
		NimbusJwtEncoder nimbus = new NimbusJwtEncoder(keys);
		return parameters -> {
			JwsHeader header = parameters.getJwsHeader();
			JwsHeader signed = JwsHeader.from(header == null ? JwsHeader.with(SignatureAlgorithm.RS256).build() : header)
				.keyId(keys.signingKeyId())
				.build();
			return nimbus.encode(JwtEncoderParameters.from(signed, parameters.getClaims()));
		};
	}

	/**
	 * Tokens are checked against the platform's own RSA keys. Only access tokens pass: their header says
	 * {@code typ: at+jwt} (RFC 9068, set by {@link OidcClaims}), which an ID token, signed by the same key, does not;
	 * and only while the authorization store holds them as active ({@link ActiveAccessTokens}).
	 */
	@Bean
	JwtDecoder jwtDecoder(OidcSigningKeys keys, ActiveAccessTokens active) {
		// the key by the token's kid, from the keys each node keeps converted (rebuilding it from its JSON for every request
		// was a measurable part of each API call); the type is checked by the validator below
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwtProcessorCustomizer(processor -> {
			processor.setJWSKeySelector((header, context) -> keys.verifying(header.getKeyID()));
			processor.setJWSTypeVerifier((type, context) -> {
			});
		}).build();
		// the signature is verified once per token (VerifiedTokens); expiry, type and revocation on every request
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		return new VerifiedTokens(decoder, new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtTypeValidator(OidcClaims.ACCESS_TOKEN_TYPE, "application/" + OidcClaims.ACCESS_TOKEN_TYPE), active),
				jwt -> !keys.verifying((String) jwt.getHeaders().get("kid")).isEmpty());
	}
}
