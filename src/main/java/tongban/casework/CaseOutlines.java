package tongban.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case stands, as systems outside the platform may be told it: numbers, codes and times only, never the
 * applicant or the answers (the events module publishes it to Kafka, docs/decisions/0047-events-to-kafka.md). Read
 * from casework's own table.
 */
@Service
@Transactional(readOnly = true)
public class CaseOutlines {

	/** One case: its times are null until the step happened. */
	public record Outline(CaseId caseId, String caseNumber, String itemCode, String departmentCode, Instant submittedAt,
			Instant acceptedAt, Instant concludedAt) {
	}

	private final JdbcClient jdbc;

	CaseOutlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Outline> of(CaseId caseId) {
		return jdbc.sql("select case_number, item_code, department_code, submitted_at, accepted_at, concluded_at from casework_case where id = ?")
			.param(caseId.value())
			.query((rs, row) -> new Outline(caseId, rs.getString("case_number"), rs.getString("item_code"), rs.getString("department_code"),
					instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("concluded_at"))))
			.optional();
	}

	private static Instant instant(Timestamp time) {
		return time == null ? null : time.toInstant();
	}
}
