package tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import tongban.shared.Hashes;

/**
 * Refresh-token reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): every refresh issues a new refresh token
 * and the store keeps only the newest, so the one it replaced is remembered here (as a hash, until it would have
 * expired). When a replaced token is presented again, one of the two holders is not the client, and there is no
 * telling which: the whole family, the authorization with every token issued from it, is revoked. The grant is
 * refused as for any unknown token, and the current access token stops working on the API at the next revocation
 * check.
 */
class RefreshTokenFamilies implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenFamilies.class);

	private final OAuth2AuthorizationService store;
	private final JdbcClient jdbc;

	RefreshTokenFamilies(OAuth2AuthorizationService store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	private record Stored(String value, Timestamp expiresAt) {
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<?> fresh = authorization.getRefreshToken();
		if (fresh != null) {
			Optional<Stored> previous = jdbc
				.sql("select refresh_token_value as value, refresh_token_expires_at as expires_at from oauth2_authorization where id = ?")
				.param(authorization.getId())
				.query(Stored.class)
				.optional()
				.filter(p -> p.value() != null && !p.value().equals(fresh.getToken().getTokenValue()));
			previous.ifPresent(p -> rotatedOut(authorization.getId(), p));
		}
		store.save(authorization);
	}

	private void rotatedOut(String authorizationId, Stored previous) {
		Instant expires = previous.expiresAt() == null ? Instant.now().plus(Duration.ofDays(1)) : previous.expiresAt().toInstant();
		jdbc.sql("delete from identity_rotated_refresh_token where expires_at < now()").update();
		jdbc.sql("insert into identity_rotated_refresh_token (token_hash, authorization_id, expires_at) values (?, ?, ?) on conflict do nothing")
			.params(hash(previous.value()), authorizationId, Timestamp.from(expires))
			.update();
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found = store.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			jdbc.sql("select authorization_id from identity_rotated_refresh_token where token_hash = ?")
				.param(hash(token))
				.query(String.class)
				.optional()
				.ifPresent(this::revokeFamily);
		}
		return found;
	}

	private void revokeFamily(String authorizationId) {
		OAuth2Authorization family = store.findById(authorizationId);
		if (family == null) {
			return;
		}
		OAuth2Authorization.Builder revoked = OAuth2Authorization.from(family);
		for (Class<? extends OAuth2Token> kind : List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = family.getToken(kind);
			if (token != null) {
				revoked.invalidate(token.getToken());
			}
		}
		store.save(revoked.build());
		log.warn("A rotated-out refresh token was used again: authorization {} of client {} revoked with all its tokens",
				authorizationId, family.getRegisteredClientId());
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		store.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return store.findById(id);
	}

	private static String hash(String token) {
		return Hashes.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
	}
}
