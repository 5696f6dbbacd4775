package tongban.casework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small facts about cases by their numbers, for the checks that watch reads of personal data (insight's anomaly rules):
 * which department a case belongs to, and whether anything was done on it in a period. Nothing about the applicant.
 */
@Service
public class CaseFacts {

	private final JdbcClient jdbc;

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The department of each of these case numbers that names a case (unknown numbers are left out). */
	@Transactional(readOnly = true)
	public Map<String, String> departments(Collection<String> caseNumbers) {
		Map<String, String> out = new HashMap<>();
		if (caseNumbers.isEmpty()) {
			return out;
		}
		jdbc.sql("select case_number, department_code from casework_case where case_number = any(?)")
			.param(caseNumbers.toArray(String[]::new))
			.query(rs -> {
				out.put(rs.getString(1), rs.getString(2));
			});
		return out;
	}

	/** Whether the case with this number has a step in its history in (from, to]: someone acted on it. */
	@Transactional(readOnly = true)
	public boolean actedBetween(String caseNumber, Instant from, Instant to) {
		return jdbc.sql("""
				select exists (select 1 from casework_event e join casework_case c on c.id = e.case_id
				  where c.case_number = ? and e.at > ? and e.at <= ?)""")
			.params(caseNumber, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query(Boolean.class)
			.single();
	}
}
