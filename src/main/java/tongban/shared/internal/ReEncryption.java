package tongban.shared.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/**
 * Completes a key rotation (docs/security.md): every night at 04:00, values encrypted under an older data key are read
 * and written again under the current one, a thousand rows per column and run, until none is left; the old key may be
 * dropped from {@code TONGBAN_DATA_KEYS} once this logs nothing more to do (unless it is the oldest, from which the
 * blind indexes and MACs are derived). Blind indexes do not change.
 */
@Component
public class ReEncryption {

	private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

	/** An encrypted column and the key that finds its row. */
	public record Column(String table, String key, String column) {
	}

	/** Every column holding AES-GCM ciphertext under the data keys. */
	public static final List<Column> COLUMNS = List.of(new Column("identity_account", "id", "id_number_enc"),
			new Column("identity_account", "id", "mobile_enc"), new Column("identity_account", "id", "totp_secret"),
			new Column("identity_population_register", "id_index", "id_number_enc"), new Column("casework_case", "id", "form_values"),
			new Column("licence_licence", "id", "holder_code"), new Column("licence_licence", "id", "data"),
			new Column("notification_sms_outbox", "id", "mobile_enc"), new Column("notification_delivery", "id", "address"),
			new Column("exchange_record", "subject_index", "data"),
			new Column("feedback_rating", "id", "comment"), new Column("feedback_rectification", "id", "revisit_note"),
			new Column("hotline_ticket", "id", "phone"), new Column("hotline_ticket", "id", "contact_name"),
			new Column("hotline_ticket", "id", "address"));

	private final JdbcClient jdbc;
	private final DataKeys keys;

	ReEncryption(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Scheduled(cron = "0 0 4 * * *", zone = "Asia/Shanghai")
	public int run() {
		int n = 0;
		for (Column c : COLUMNS) {
			n += reencrypt(jdbc, keys, c, 1000);
		}
		if (n > 0) {
			log.info("re-encrypted {} values under the current data key", n);
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
