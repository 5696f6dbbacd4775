package tongban.licence;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

import tongban.licence.LicenceManagement.LicenceView;
import tongban.shared.DataKeys;

/** How licences are read from {@code licence_licence}, by the registry and by the holder's wallet alike. */
final class LicenceRows {

	static final String COLUMNS = """
			id, identifier, type_code, name, number, holder_name, holder_code, holder_code_type, holder_party_id, issuer_name, issuer_code,
			department_code, jurisdiction_code, issued_on, valid_from, valid_to, status, status_reason, status_changed_at, case_id, pdf_sha256""";

	private static final RowMapper<LicenceView> VIEW = new DataClassRowMapper<>(LicenceView.class);

	private LicenceRows() {
	}

	/** A licence row with its holder's code (an ID number or USCC, stored encrypted) decrypted. */
	static RowMapper<LicenceView> view(DataKeys keys) {
		return (rs, n) -> {
			LicenceView licence = VIEW.mapRow(rs, n);
			return licence.withHolderCode(keys.decrypt(licence.holderCode()));
		};
	}
}
