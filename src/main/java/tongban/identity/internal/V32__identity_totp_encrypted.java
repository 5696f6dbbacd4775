package tongban.identity.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
		var c = context.getConnection();
		try (Statement s = c.createStatement()) {
			s.execute("ALTER TABLE identity_account ALTER COLUMN totp_secret TYPE text");
		}
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, totp_secret from identity_account where totp_secret is not null");
				PreparedStatement u = c.prepareStatement("update identity_account set totp_secret = ? where id = ?")) {
			while (rs.next()) {
				u.setString(1, keys.encrypt(rs.getString(2)));
				u.setObject(2, rs.getObject(1));
				u.addBatch();
			}
			u.executeBatch();
		}
	}
}
