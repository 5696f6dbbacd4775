package tongban.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import tongban.shared.TongbanProperties;

/**
 * The OpenID Connect provider's stores (clients, authorizations and consents in PostgreSQL) and its signing key,
 * an RSA key kept in TONGBAN_DATA_DIR/keys so tokens survive a restart. Several nodes share the key by sharing
 * that file or, in production, by replacing this bean with an HSM-backed one.
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

	@Bean
	JWKSource<SecurityContext> jwkSource(TongbanProperties properties) throws IOException, ParseException {
		Path file = properties.dataDir().toAbsolutePath().resolve("keys").resolve("oidc-signing-key.json");
		RSAKey key;
		if (Files.exists(file)) {
			key = RSAKey.parse(Files.readString(file));
		}
		else {
			key = generate();
			Files.createDirectories(file.getParent());
			Files.writeString(file, key.toJSONString());
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
		}
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	/**
	 * Tokens are checked against the platform's own RSA key, converted once: with the JWK source the key was rebuilt from
	 * its JSON form for every request (a measurable part of each API call). Only access tokens pass: their header says
	 * {@code typ: at+jwt} (RFC 9068, set by {@link OidcClaims}), which an ID token, signed by the same key, does not;
	 * and only while the authorization store holds them as active ({@link ActiveAccessTokens}).
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, ActiveAccessTokens active) throws JOSEException {
		NimbusJwtDecoder decoder;
		if (jwkSource instanceof ImmutableJWKSet<SecurityContext> set && set.getJWKSet().getKeys().size() == 1) {
			decoder = NimbusJwtDecoder.withPublicKey(set.getJWKSet().getKeys().getFirst().toRSAKey().toRSAPublicKey())
				.validateType(false)
				.build();
		}
		else {
			// the type is checked by the validator below, as validateType(false) does for the key above
			decoder = NimbusJwtDecoder.withJwkSource(jwkSource).jwtProcessorCustomizer(p -> p.setJWSTypeVerifier((type, context) -> {
			})).build();
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtTypeValidator(OidcClaims.ACCESS_TOKEN_TYPE, "application/" + OidcClaims.ACCESS_TOKEN_TYPE), active));
		return decoder;
	}

	private static RSAKey generate() {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
			g.initialize(2048);
			var pair = g.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
