package tongban.shared.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;
import tongban.shared.EncryptedColumns;

/**
 * Completes a key rotation (docs/security.md): every night at 04:00, values encrypted under an older data key are read
 * and written again under the current one, a thousand rows per column and run, until none is left; the old key may be
 * dropped from {@code TONGBAN_DATA_KEYS} once this logs nothing more to do (unless it is the oldest, from which the
 * blind indexes and MACs are derived). Blind indexes do not change. A pass that finds nothing left marks the other
 * versions retired in the cluster's fingerprints, after which a node may start without them.
 */
@Component
public class ReEncryption {

	private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

	/** An encrypted column and the key that finds its row. */
	public record Column(String table, String key, String column) {
	}

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final List<Column> columns;
	private final KeyFingerprints fingerprints;

	/** Walks the columns every module registered ({@link EncryptedColumns} beans); it knows no table of its own. */
	ReEncryption(JdbcClient jdbc, DataKeys keys, List<EncryptedColumns> registered, KeyFingerprints fingerprints) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.fingerprints = fingerprints;
		this.columns = registered.stream()
			.flatMap(table -> table.columns().stream().map(column -> new Column(table.table(), table.key(), column)))
			.toList();
	}

	/** Every column holding AES-GCM ciphertext under the data keys, as the modules registered them. */
	public List<Column> columns() {
		return columns;
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #run()}, unlocked. */
	@Scheduled(cron = "0 0 4 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "shared.re-encryption", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void nightly() {
		run();
	}

	public int run() {
		int n = 0;
		for (Column c : columns) {
			n += reencrypt(jdbc, keys, c, 1000);
		}
		if (n > 0) {
			log.info("re-encrypted {} values under the current data key", n);
		}
		else {
			// nothing is left under another version: nodes may now start without the older keys (ADR 0045)
			fingerprints.retireAllBut(keys.currentVersion());
		}
		return n;
	}

	/** Re-encrypts up to {@code limit} values of the column made with an older key; answers how many. */
	public static int reencrypt(JdbcClient jdbc, DataKeys keys, Column c, int limit) {
		// only the stale rows leave the database (left(...) rather than like: a version may hold like's wildcards)
		List<Object[]> stale = jdbc.sql("select " + c.key() + ", " + c.column() + " from " + c.table() + " where " + c.column() + " is not null and left("
				+ c.column() + ", ?) <> ? limit ?")
			.params(keys.currentPrefix().length(), keys.currentPrefix(), limit)
			.query((rs, i) -> new Object[] { rs.getObject(1), rs.getString(2) })
			.list();
		for (Object[] r : stale) {
			// the exchange record's key is one of two (resource, subject): matching on the old ciphertext too keeps it exact
			jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where " + c.key() + " = ? and " + c.column() + " = ?")
				.params(keys.encrypt(keys.decrypt((String) r[1])), r[0], r[1])
				.update();
		}
		return stale.size();
	}
}
