package tongban.identity.internal;

import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.shared.ClusterSignals;
import tongban.shared.KeyMismatch;
import tongban.shared.LegacyKeyFiles;
import tongban.shared.Secrets;

/**
 * The OIDC provider's signing keys, the same on every node (ADR 0045): their status in {@code identity_signing_key}, the
 * keys (JWK with the private part) as {@link Secrets} {@code oidc/<kid>}. The JWKS publishes every key that is not
 * retired, tokens are signed by the one SIGNING key and verified by their {@code kid}. Each node keeps the set in memory
 * and asks the database again when it is half a second old (one indexed read of a few rows) or at once when a rotation
 * on any node signals {@value #CHANNEL}; a rotation on one node therefore reaches every node within a second.
 */
public class OidcSigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(OidcSigningKeys.class);
	static final String CHANNEL = "oidc_keys";
	private static final long FRESH_NANOS = 500_000_000L;

	private record Snapshot(Map<String, SigningKeyStatus> statuses, Map<String, RSAKey> keys, Map<String, RSAPublicKey> publicKeys,
			String signing, JWKSet published, long loadedAt) {
	}

	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final TransactionTemplate tx;
	private final Clock clock;
	private volatile Snapshot snapshot;

	OidcSigningKeys(JdbcClient jdbc, Secrets secrets, TransactionTemplate tx, Clock clock, ClusterSignals signals, Path legacyFile) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.tx = tx;
		this.clock = clock;
		tx.executeWithoutResult(status -> bootstrap(legacyFile));
		this.snapshot = load(null);
		signals.listen(CHANNEL, kid -> refresh());
	}

	/**
	 * The first node of a cluster makes the signing key (or imports the file of an earlier version), under a lock so
	 * that nodes starting together agree on one; a later node given a key file that is not the cluster's refuses to start.
	 */
	private void bootstrap(Path legacyFile) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('identity_signing_key'))").query(Object.class).single();
		boolean any = jdbc.sql("select count(*) from identity_signing_key").query(Long.class).single() > 0;
		RSAKey legacy = LegacyKeyFiles.read(legacyFile).map(OidcSigningKeys::parse).orElse(null);
		if (legacy != null && any && jdbc.sql("select count(*) from identity_signing_key where kid = ?").param(legacy.getKeyID()).query(Long.class).single() == 0) {
			throw new KeyMismatch(legacyFile + " holds an OIDC signing key that is not the cluster's: remove the file from "
					+ "TONGBAN_DATA_DIR/keys (the cluster's signing keys are in the database).");
		}
		if (!any) {
			RSAKey key = legacy != null ? legacy : generate();
			store(key, SigningKeyStatus.SIGNING);
			log.info("OIDC signing key {} {} as the cluster's", key.getKeyID(), legacy != null ? "imported" : "made");
		}
		LegacyKeyFiles.setAside(legacyFile, "the OIDC signing key");
	}

	/** Stores a key (in the caller's transaction) with its status. */
	void store(RSAKey key, SigningKeyStatus status) {
		secrets.putIfAbsent("oidc/" + key.getKeyID(), key.toJSONString());
		Instant now = clock.instant();
		jdbc.sql("insert into identity_signing_key (kid, status, created_at, signing_since) values (?, ?, ?, ?)")
			.params(key.getKeyID(), status.name(), Timestamp.from(now), status == SigningKeyStatus.SIGNING ? Timestamp.from(now) : null)
			.update();
	}

	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException e) {
			throw new IllegalStateException("a stored OIDC signing key does not read", e);
		}
	}

	/** Forgets what this node read, so that the next use reads the database (after a rotation here or elsewhere). */
	void refresh() {
		snapshot = load(snapshot);
	}

	private Snapshot current() {
		Snapshot now = snapshot;
		if (System.nanoTime() - now.loadedAt() > FRESH_NANOS) {
			synchronized (this) {
				now = snapshot;
				if (System.nanoTime() - now.loadedAt() > FRESH_NANOS) {
					now = load(now);
					snapshot = now;
				}
			}
		}
		return now;
	}

	private Snapshot load(Snapshot before) {
		Map<String, SigningKeyStatus> statuses = new LinkedHashMap<>();
		jdbc.sql("select kid, status from identity_signing_key where status <> 'RETIRED' order by created_at, kid")
			.query((rs, row) -> statuses.put(rs.getString(1), SigningKeyStatus.valueOf(rs.getString(2))))
			.list();
		if (before != null && before.statuses().equals(statuses)) {
			return new Snapshot(before.statuses(), before.keys(), before.publicKeys(), before.signing(), before.published(), System.nanoTime());
		}
		Map<String, RSAKey> keys = new LinkedHashMap<>();
		Map<String, RSAPublicKey> publicKeys = new LinkedHashMap<>();
		String signing = null;
		for (var entry : statuses.entrySet()) {
			RSAKey key = before != null && before.keys().containsKey(entry.getKey()) ? before.keys().get(entry.getKey())
					: parse(secrets.get("oidc/" + entry.getKey()).orElseThrow(() -> new IllegalStateException("no stored OIDC key " + entry.getKey())));
			keys.put(entry.getKey(), key);
			try {
				publicKeys.put(entry.getKey(), key.toRSAPublicKey());
			}
			catch (JOSEException e) {
				throw new IllegalStateException(e);
			}
			if (entry.getValue() == SigningKeyStatus.SIGNING) {
				signing = entry.getKey();
			}
		}
		return new Snapshot(Map.copyOf(statuses), Map.copyOf(keys), Map.copyOf(publicKeys), signing,
				new JWKSet(List.<JWK>copyOf(keys.values())), System.nanoTime());
	}

	/** Every key not retired (the JWKS endpoint shows their public parts; the encoder picks the signing one by kid). */
	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(current().published());
	}

	/** The key id that signs new tokens now. */
	public String signingKeyId() {
		return current().signing();
	}

	/**
	 * The public keys that may have signed a token with this key id: the one key when the id is one of the cluster's
	 * published keys, every published key when the token names none, none otherwise.
	 */
	public List<? extends Key> verifying(String kid) {
		Snapshot now = current();
		if (kid == null) {
			return List.copyOf(now.publicKeys().values());
		}
		RSAPublicKey key = now.publicKeys().get(kid);
		return key == null ? List.of() : List.of(key);
	}

	/** Status of every key, retired ones included, oldest first: what the console lists. */
	public Map<String, SigningKeyStatus> statuses() {
		Map<String, SigningKeyStatus> all = new LinkedHashMap<>();
		jdbc.sql("select kid, status from identity_signing_key order by created_at, kid")
			.query((rs, row) -> all.put(rs.getString(1), SigningKeyStatus.valueOf(rs.getString(2))))
			.list();
		return all;
	}
}
