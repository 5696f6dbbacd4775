package tongban.licence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A licence as systems outside the platform may be told of it: its number, type, issuing department, case, status and
 * times, never its holder or its data (the events module publishes it to Kafka, docs/decisions/0047-events-to-kafka.md).
 * Read from licence's own table.
 */
@Service
@Transactional(readOnly = true)
public class LicenceOutlines {

	/** {@code statusChangedAt} is null while the licence was never revoked or cancelled. */
	public record Outline(UUID licenceId, String number, String typeCode, String departmentCode, UUID caseId, Instant issuedAt,
			String status, Instant statusChangedAt) {
	}

	private final JdbcClient jdbc;

	LicenceOutlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Outline> of(UUID licenceId) {
		return jdbc.sql("select number, type_code, department_code, case_id, created_at, status, status_changed_at from licence_licence where id = ?")
			.param(licenceId)
			.query((rs, row) -> {
				Timestamp changed = rs.getTimestamp("status_changed_at");
				return new Outline(licenceId, rs.getString("number"), rs.getString("type_code"), rs.getString("department_code"),
						rs.getObject("case_id", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
						changed == null ? null : changed.toInstant());
			})
			.optional();
	}
}
