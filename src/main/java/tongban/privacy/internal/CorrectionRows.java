package tongban.privacy.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tongban.shared.DataKeys;

/** The rows of {@code privacy_correction}: the corrected value encrypted under the data keys. */
@Component
public class CorrectionRows {

	/** A correction request as recorded. */
	public record Row(UUID id, UUID accountId, String resourceCode, String resourceName, String field, String fieldLabel,
			String corrected, String departmentCode, UUID caseId, String caseNumber, Instant requestedAt) {
	}

	private final JdbcClient jdbc;
	private final DataKeys keys;

	CorrectionRows(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	public void insert(Row row) {
		jdbc.sql("""
				insert into privacy_correction (id, account_id, resource_code, resource_name, field, field_label, corrected_enc,
				  department_code, case_id, case_number, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.accountId(), row.resourceCode(), row.resourceName(), row.field(), row.fieldLabel(),
					keys.encrypt(row.corrected()), row.departmentCode(), row.caseId(), row.caseNumber(), row.requestedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The account's requests, the latest first. */
	public List<Row> of(UUID accountId) {
		return jdbc.sql("""
				select id, account_id, resource_code, resource_name, field, field_label, corrected_enc, department_code, case_id, case_number,
				  requested_at from privacy_correction where account_id = ? order by requested_at desc""")
			.param(accountId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("resource_code"),
					rs.getString("resource_name"), rs.getString("field"), rs.getString("field_label"), keys.decrypt(rs.getString("corrected_enc")),
					rs.getString("department_code"), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
					rs.getTimestamp("requested_at").toInstant()))
			.list();
	}

	/** The corrected values go with the closed account; the request's case keeps its own record. */
	public int forgetValues(UUID accountId) {
		return jdbc.sql("delete from privacy_correction where account_id = ?").param(accountId).update();
	}
}
