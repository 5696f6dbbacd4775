package tongban.shared.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/**
 * ID numbers, phone numbers and addresses leave the tables as plaintext: each such column is replaced by its AES-GCM
 * ciphertext and, where rows are found by it, a keyed blind index (docs/security.md). Existing rows are encrypted here
 * with the platform's data keys, then the plaintext columns are dropped: identity accounts (ID number, mobile), the
 * population register stand-in, case form values (which carry ID numbers, phones and addresses), licence holders and
 * data, the SMS outbox and the delivery queue.
 */
@Component
class V28__encrypt_personal_data extends BaseJavaMigration {

	private final DataKeys keys;

	V28__encrypt_personal_data(DataKeys keys) {
		this.keys = keys;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			s.execute("""
					ALTER TABLE identity_account ADD COLUMN id_number_enc text, ADD COLUMN id_number_index text UNIQUE,
					  ADD COLUMN mobile_enc text, ADD COLUMN mobile_index text UNIQUE""");
			s.execute("ALTER TABLE identity_population_register ADD COLUMN id_number_enc text, ADD COLUMN id_index text");
			s.execute("ALTER TABLE notification_sms_outbox ADD COLUMN mobile_enc text, ADD COLUMN mobile_index text");
			s.execute("ALTER TABLE casework_case ADD COLUMN form_values_enc text");
			s.execute("ALTER TABLE licence_licence ADD COLUMN holder_code_enc text, ADD COLUMN data_enc text");
		}
		encrypt(c, keys, "identity_account", "id", "id_number", "id_number_enc", "id_number_index");
		encrypt(c, keys, "identity_account", "id", "mobile", "mobile_enc", "mobile_index");
		encrypt(c, keys, "identity_population_register", "id_number", "id_number", "id_number_enc", "id_index");
		encrypt(c, keys, "notification_sms_outbox", "id", "mobile", "mobile_enc", "mobile_index");
		encrypt(c, keys, "casework_case", "id", "form_values::text", "form_values_enc", null);
		encrypt(c, keys, "licence_licence", "id", "holder_code", "holder_code_enc", null);
		encrypt(c, keys, "licence_licence", "id", "data::text", "data_enc", null);
		try (Statement s = c.createStatement()) {
			s.execute("ALTER TABLE identity_account DROP COLUMN id_number, DROP COLUMN mobile");
			s.execute("ALTER TABLE identity_account ADD CONSTRAINT identity_account_citizen_id CHECK (kind <> 'CITIZEN' OR id_number_index IS NOT NULL)");
			s.execute("ALTER TABLE identity_population_register DROP CONSTRAINT identity_population_register_pkey");
			s.execute("ALTER TABLE identity_population_register DROP COLUMN id_number");
			s.execute("ALTER TABLE identity_population_register ALTER COLUMN id_index SET NOT NULL, ADD PRIMARY KEY (id_index)");
			s.execute("DROP INDEX IF EXISTS notification_sms_outbox_mobile_idx");
			s.execute("ALTER TABLE notification_sms_outbox DROP COLUMN mobile");
			s.execute("CREATE INDEX notification_sms_outbox_mobile_idx ON notification_sms_outbox (mobile_index, id DESC)");
			s.execute("ALTER TABLE casework_case DROP COLUMN form_values");
			s.execute("ALTER TABLE casework_case RENAME COLUMN form_values_enc TO form_values");
			s.execute("ALTER TABLE licence_licence DROP COLUMN holder_code, DROP COLUMN data");
			s.execute("ALTER TABLE licence_licence RENAME COLUMN holder_code_enc TO holder_code");
			s.execute("ALTER TABLE licence_licence RENAME COLUMN data_enc TO data");
		}
		// queued messages: the address is encrypted in place (the queue is short-lived)
		encrypt(c, keys, "notification_delivery", "id", "address", "address", null);
	}

	/**
	 * Writes the ciphertext of each non-null value of {@code plain} into {@code encrypted} (the same column to encrypt in
	 * place) and, when {@code index} is given, its blind index; rows found by {@code key}.
	 */
	static void encrypt(Connection c, DataKeys keys, String table, String key, String plain, String encrypted, String index) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select " + key + ", " + plain + " from " + table + " where " + plain.replace("::text", "")
				+ " is not null");
				PreparedStatement u = c.prepareStatement("update " + table + " set " + encrypted + " = ?" + (index == null ? "" : ", " + index + " = ?")
						+ " where " + key + " = ?")) {
			while (rs.next()) {
				String value = rs.getString(2);
				u.setString(1, keys.encrypt(value));
				if (index != null) {
					u.setString(2, keys.blindIndex(value));
				}
				u.setObject(index == null ? 2 : 3, rs.getObject(1));
				u.addBatch();
			}
			u.executeBatch();
		}
	}
}
