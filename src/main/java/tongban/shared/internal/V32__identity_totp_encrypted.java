package tongban.shared.internal;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/** Staff TOTP secrets are shared secrets: stored AES-GCM encrypted under the data keys like personal data (V28). */
@Component
class V32__identity_totp_encrypted extends BaseJavaMigration {

	private final DataKeys keys;

	V32__identity_totp_encrypted(DataKeys keys) {
		this.keys = keys;
	}

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("ALTER TABLE identity_account ALTER COLUMN totp_secret TYPE text");
		}
		V28__encrypt_personal_data.encrypt(context.getConnection(), keys, "identity_account", "id", "totp_secret", "totp_secret", null);
	}
}
