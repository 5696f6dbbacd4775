package tongban.shared.internal;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.shared.DataKeys;
import tongban.shared.KeyMismatch;

/**
 * Checks at start that this node holds the cluster's data keys (ADR 0045), against fingerprints in
 * {@code shared_key_fingerprint} (a MAC of a fixed label under each key, never a key): the same blind-index key, the
 * same key under every version both know, no key missing that still encrypts stored values, and no current version the
 * cluster has not been given first. The first node of a cluster records its own. Several nodes starting at once take
 * turns (a transaction-scoped advisory lock), so they agree on one set. A mismatch stops the start with one sentence
 * ({@link KeyMismatch}, shown by {@link KeyMismatchFailureAnalyzer}).
 */
@Component
@DependsOnDatabaseInitialization
public class KeyFingerprints implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(KeyFingerprints.class);
	static final String INDEX = "blind-index";
	static final String VERSION = "data-key:";

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final TransactionTemplate tx;

	KeyFingerprints(JdbcClient jdbc, DataKeys keys, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.tx = tx;
	}

	@Override
	public void afterPropertiesSet() {
		tx.executeWithoutResult(status -> check());
	}

	private record Known(String fingerprint, boolean retired) {
	}

	private void check() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('shared_key_fingerprint'))").query(Object.class).single();
		Map<String, Known> known = new HashMap<>();
		jdbc.sql("select name, fingerprint, retired_at is not null from shared_key_fingerprint")
			.query((rs, row) -> known.put(rs.getString(1), new Known(rs.getString(2), rs.getBoolean(3))))
			.list();
		boolean fresh = known.isEmpty();
		Known index = known.get(INDEX);
		if (index != null && !index.fingerprint().equals(keys.indexFingerprint())) {
			throw new KeyMismatch("The oldest key in TONGBAN_DATA_KEYS is not the cluster's blind-index key, so this node would "
					+ "find no one's records: give it the same TONGBAN_DATA_KEYS (or TONGBAN_DATA_KEYS_FILE) as the other nodes.");
		}
		keys.fingerprints().forEach((version, fingerprint) -> {
			Known same = known.get(VERSION + version);
			if (same != null && !same.fingerprint().equals(fingerprint)) {
				throw new KeyMismatch("Key version " + version + " in TONGBAN_DATA_KEYS is not the cluster's key version " + version
						+ ": give this node the same TONGBAN_DATA_KEYS (or TONGBAN_DATA_KEYS_FILE) as the other nodes.");
			}
			if (same == null && version.equals(keys.currentVersion()) && !fresh) {
				throw new KeyMismatch("TONGBAN_DATA_KEY_CURRENT (or the first key of TONGBAN_DATA_KEYS) makes this node encrypt with "
						+ "version " + version + ", which the cluster does not know yet: add it first as a decrypt-only key on every node "
						+ "(docs/cluster.md, \"Keys\").");
			}
		});
		known.forEach((name, row) -> {
			String version = name.startsWith(VERSION) ? name.substring(VERSION.length()) : null;
			if (version != null && !row.retired() && !keys.fingerprints().containsKey(version)) {
				throw new KeyMismatch("TONGBAN_DATA_KEYS lacks key version " + version + ", with which stored values are still "
						+ "encrypted: add it back (it may go once the re-encryption pass has nothing left to do).");
			}
		});
		if (index == null) {
			record(INDEX, keys.indexFingerprint());
		}
		keys.fingerprints().forEach((version, fingerprint) -> {
			if (!known.containsKey(VERSION + version)) {
				record(VERSION + version, fingerprint);
				log.info("data key version {} recorded as one of the cluster's", version);
			}
		});
		jdbc.sql("update shared_key_fingerprint set retired_at = null where name = ? and retired_at is not null")
			.param(VERSION + keys.currentVersion())
			.update();
	}

	private void record(String name, String fingerprint) {
		jdbc.sql("insert into shared_key_fingerprint (name, fingerprint) values (?, ?) on conflict (name) do nothing")
			.params(name, fingerprint)
			.update();
	}

	/**
	 * After a re-encryption pass found no value under another version: every version but the current one no longer
	 * encrypts anything, so a node may start without it.
	 */
	public void retireAllBut(String current) {
		int retired = jdbc.sql("update shared_key_fingerprint set retired_at = now() where name like 'data-key:%' and name <> ? "
				+ "and retired_at is null")
			.param(VERSION + current)
			.update();
		if (retired > 0) {
			log.info("{} older data key version(s) encrypt no stored value any more and may be removed from TONGBAN_DATA_KEYS", retired);
		}
	}
}
