package tongban.proactive.opendata;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Hashes;
import tongban.shared.RandomTokens;

/**
 * API keys of the portal. A key is shown once when issued and stored only as its SHA-256 hash (a key is 256 random bits,
 * so a fast hash is enough: there is nothing to guess). A self-service key (无条件开放 datasets, to count use and limit
 * the rate) serves every unconditional dataset for a year; a key of an approved application serves only its dataset
 * until the application's period ends.
 */
@Service
public class ApiKeys {

	/** What a key is, as the API sees it. */
	public record Key(UUID id, String prefix, UUID accountId, String datasetId, Instant expiresAt, Instant revokedAt, Instant createdAt) {

		public boolean expired(Instant now) {
			return !expiresAt.isAfter(now);
		}
	}

	/** Why a call is refused, or OK. */
	public enum Check {
		OK, MISSING, UNKNOWN, EXPIRED, REVOKED, WRONG_DATASET, NOT_ALLOWED
	}

	private static final String COLUMNS = "id, key_prefix, account_id, dataset_id, expires_at, revoked_at, created_at";

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a key (answered once, never stored) for the account, scoped to a dataset or to every unconditional one. */
	@Transactional
	public String issue(UUID accountId, String datasetId, UUID applicationId, Instant expiresAt) {
		String key = "od_" + RandomTokens.of(32);
		jdbc.sql("insert into proactive_opendata_key (id, key_hash, key_prefix, account_id, dataset_id, application_id, expires_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), hash(key), key.substring(0, 9), accountId, datasetId, applicationId, Timestamp.from(expiresAt))
			.update();
		return key;
	}

	/** A self-service key for every unconditional dataset, valid for a year. */
	public String issueOpen(UUID accountId) {
		return issue(accountId, null, null, Instant.now().plus(Duration.ofDays(365)));
	}

	/** The account's keys, newest first. */
	@Transactional(readOnly = true)
	public List<Key> ofAccount(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from proactive_opendata_key where account_id = ? order by created_at desc")
			.param(accountId)
			.query((rs, n) -> key(rs))
			.list();
	}

	/** The account revokes one of its keys; another's key is not found (nothing happens). */
	@Transactional
	public boolean revoke(UUID accountId, UUID keyId) {
		return jdbc.sql("update proactive_opendata_key set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
			.params(keyId, accountId)
			.update() == 1;
	}

	/**
	 * Whether a key (null or blank when none was sent) may read the dataset now: a conditional dataset needs a key of
	 * its own; an unconditional one takes none or any valid key.
	 */
	@Transactional(readOnly = true)
	public Check check(String presented, Dataset dataset) {
		if (presented == null || presented.isBlank()) {
			return dataset.conditional() ? Check.MISSING : Check.OK;
		}
		if (presented.length() > 100) {
			return Check.UNKNOWN;
		}
		Optional<Key> found = jdbc.sql("select " + COLUMNS + " from proactive_opendata_key where key_hash = ?")
			.param(hash(presented.strip()))
			.query((rs, n) -> key(rs))
			.optional();
		if (found.isEmpty()) {
			return Check.UNKNOWN;
		}
		Key key = found.get();
		if (key.revokedAt() != null) {
			return Check.REVOKED;
		}
		if (key.expired(Instant.now())) {
			return Check.EXPIRED;
		}
		if (key.datasetId() == null) {
			return dataset.conditional() ? Check.NOT_ALLOWED : Check.OK;
		}
		return key.datasetId().equals(dataset.id()) ? Check.OK : Check.WRONG_DATASET;
	}

	/** The hash a key is found by. */
	public static String hash(String key) {
		return Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
	}

	private static Key key(ResultSet rs) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Key(rs.getObject("id", UUID.class), rs.getString("key_prefix"), rs.getObject("account_id", UUID.class), rs.getString("dataset_id"),
				rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant(), rs.getTimestamp("created_at").toInstant());
	}
}
