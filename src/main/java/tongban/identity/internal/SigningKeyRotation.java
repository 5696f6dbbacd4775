package tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;
import tongban.shared.ClusterSignals;
import tongban.shared.DomainException;

/**
 * Rotates the OIDC signing key without stopping any node (ADR 0045, docs/cluster.md): {@link #add} publishes a new key
 * (every node's JWKS shows it within a second, tokens are still signed by the old one), {@link #activate} makes it sign
 * (the old one keeps verifying the tokens it signed), and {@link #retire} takes the old one out of the JWKS once no token
 * it signed can still be valid: {@link #OVERLAP} after it stopped signing. Each step is one transaction, recorded in the
 * audit trail, and signalled to every node.
 */
@Component
public class SigningKeyRotation {

	/** The longest lifetime of a token the provider signs: ID tokens (30 minutes; access tokens live 10). */
	public static final Duration OVERLAP = Duration.ofMinutes(30);
	static final String AUDIT_KIND = "KEY_ROTATION";

	private final JdbcClient jdbc;
	private final OidcSigningKeys keys;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final ClusterSignals signals;
	private final AuditTrail audit;

	SigningKeyRotation(JdbcClient jdbc, OidcSigningKeys keys, TransactionTemplate tx, Clock clock, ClusterSignals signals, AuditTrail audit) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.tx = tx;
		this.clock = clock;
		this.signals = signals;
		this.audit = audit;
	}

	/** A key as the console shows it; {@code retirableFrom} is when a key that stopped signing may leave the JWKS. */
	public record Key(String kid, SigningKeyStatus status, Instant createdAt, Instant signingSince, Instant retirableFrom) {
	}

	/** Every key, retired ones included, newest first. */
	public List<Key> list() {
		return jdbc.sql("select kid, status, created_at, signing_since, superseded_at from identity_signing_key order by created_at desc, kid")
			.query((rs, row) -> new Key(rs.getString(1), SigningKeyStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
					instant(rs.getTimestamp(4)), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant().plus(OVERLAP)))
			.list();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	/** Publishes a new key (verifying, not yet signing); answers its key id. */
	public String add(String actor) {
		var key = OidcSigningKeys.generate();
		tx.executeWithoutResult(status -> {
			keys.store(key, SigningKeyStatus.PUBLISHED);
			audit.record(AUDIT_KIND, actor, "oidc:" + key.getKeyID(), "OIDC signing key published");
			signals.send(OidcSigningKeys.CHANNEL, key.getKeyID());
		});
		return key.getKeyID();
	}

	/** Makes a published key the one that signs; the key that signed until now goes on verifying. */
	public void activate(String kid, String actor) {
		tx.executeWithoutResult(status -> {
			SigningKeyStatus from = lock(kid);
			SigningKeyStatus.GRAPH.require(from, SigningKeyStatus.SIGNING);
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.sql("update identity_signing_key set status = 'PUBLISHED', superseded_at = ? where status = 'SIGNING'").param(now).update();
			jdbc.sql("update identity_signing_key set status = 'SIGNING', signing_since = ? where kid = ?").params(now, kid).update();
			audit.record(AUDIT_KIND, actor, "oidc:" + kid, "OIDC signing key signs new tokens");
			signals.send(OidcSigningKeys.CHANNEL, kid);
		});
	}

	/** Takes a key that no longer signs out of the JWKS, once every token it signed has expired. */
	public void retire(String kid, String actor) {
		tx.executeWithoutResult(status -> {
			SigningKeyStatus from = lock(kid);
			SigningKeyStatus.GRAPH.require(from, SigningKeyStatus.RETIRED);
			Instant superseded = jdbc.sql("select superseded_at from identity_signing_key where kid = ?").param(kid)
				.query((rs, row) -> instant(rs.getTimestamp(1)))
				.list()
				.getFirst();
			Instant now = clock.instant();
			if (superseded != null && superseded.plus(OVERLAP).isAfter(now)) {
				throw new DomainException(DomainException.Kind.CONFLICT, "signing-key.tokens-valid",
						"tokens signed by key " + kid + " may be valid until " + superseded.plus(OVERLAP), superseded.plus(OVERLAP));
			}
			jdbc.sql("update identity_signing_key set status = 'RETIRED', retired_at = ? where kid = ?").params(Timestamp.from(now), kid).update();
			audit.record(AUDIT_KIND, actor, "oidc:" + kid, "OIDC signing key retired");
			signals.send(OidcSigningKeys.CHANNEL, kid);
		});
	}

	private SigningKeyStatus lock(String kid) {
		return jdbc.sql("select status from identity_signing_key where kid = ? for update")
			.param(kid)
			.query(String.class)
			.optional()
			.map(SigningKeyStatus::valueOf)
			.orElseThrow(() -> DomainException.notFound("signing key"));
	}
}
