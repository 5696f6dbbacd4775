package tongban.licence.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.LicenceWallet;

/** The wallet as casework sees it: valid licences of a kind, and their use for a case's material, recorded. */
@Component
@Transactional
class WalletForCases implements LicenceWallet {

	private final JdbcClient jdbc;

	WalletForCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String HELD = """
			select identifier, name, number, holder_name, valid_to, pdf_file_id as file_id, pdf_sha256 as sha256, coalesce(pdf_size, 0) as size
			from licence_licence where holder_party_id = ? and name = ? and status = 'VALID'
			  and (valid_to is null or valid_to >= (now() at time zone 'Asia/Shanghai')::date)""";

	@Override
	@Transactional(readOnly = true)
	public List<Held> held(UUID partyId, String licenceName) {
		return jdbc.sql(HELD + " order by issued_on desc, created_at desc").params(partyId, licenceName).query(Held.class).list();
	}

	@Override
	public Optional<Held> use(UUID partyId, String identifier, String licenceName, UUID caseId, String itemName, String materialName,
			String departmentCode, String usedBy) {
		Optional<Held> held = jdbc.sql(HELD + " and identifier = ?").params(partyId, licenceName, identifier).query(Held.class).optional();
		held.ifPresent(h -> jdbc.sql("""
				insert into licence_use (licence_id, case_id, item_name, material_name, department_code, used_by)
				select id, ?, ?, ?, ?, ? from licence_licence where identifier = ?""")
			.params(caseId, itemName, materialName, departmentCode, usedBy, identifier)
			.update());
		return held;
	}
}
