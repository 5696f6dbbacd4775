package tongban.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of reads as a stream for the checks that watch it (insight's anomaly rules): the reads of a period one by
 * one, and how many reads each staff member made per day, so that nobody outside this module reads
 * {@code exchange_access}. Subjects are given by their blind index only: a rule compares people, it never needs who they
 * are.
 */
@Service
public class ReadLog {

	/** One read as recorded: when, whose data (blind index), what, by which department and system or staff, why, how. */
	public record Read(long id, Instant at, String subjectIndex, String resourceCode, String departmentCode, String clientId, String staffId,
			String staffName, List<String> fields, String purpose, String caseNumber, String outcome) {

		/** Read by a member of staff (not a department's system, not the person's own consented prefill). */
		public boolean byStaff() {
			return staffId != null && !"PREFILL".equals(outcome);
		}
	}

	/** How many reads a member of staff of a department made on a day (Asia/Shanghai). */
	public record StaffDay(String staffId, String departmentCode, LocalDate day, long reads) {
	}

	private static final String SELECT = """
			select id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields, purpose,
			  case_number, outcome
			from exchange_access where\s""";

	private final JdbcClient jdbc;

	ReadLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Hands each read made in [from, to) to {@code each}, in the order they were made, without holding them all. */
	@Transactional(readOnly = true)
	public void readsBetween(Instant from, Instant to, Consumer<Read> each) {
		jdbc.sql(SELECT + "at >= ? and at < ? order by at, id")
			.params(utc(from), utc(to))
			.query(rs -> {
				each.accept(read(rs));
			});
	}

	/** Staff reads (no system reads, no prefills) per staff member and day in [from, to), days in Asia/Shanghai. */
	@Transactional(readOnly = true)
	public List<StaffDay> staffDays(Instant from, Instant to) {
		return jdbc.sql("""
				select staff_id, consumer_department_code, (at at time zone 'Asia/Shanghai')::date as day, count(*) as reads
				from exchange_access where at >= ? and at < ? and staff_id is not null and outcome <> 'PREFILL'
				group by 1, 2, 3""")
			.params(utc(from), utc(to))
			.query((rs, n) -> new StaffDay(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4)))
			.list();
	}

	/** These reads (by id), in the order they were made: the evidence of a check. */
	@Transactional(readOnly = true)
	public List<Read> readsById(List<Long> ids) {
		return jdbc.sql(SELECT + "id = any(?) order by at, id")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> read(rs))
			.list();
	}

	private static Read read(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("at");
		return new Read(rs.getLong("id"), at.toInstant(), rs.getString("subject_index"), rs.getString("resource_code"),
				rs.getString("consumer_department_code"), rs.getString("client_id"), rs.getString("staff_id"), rs.getString("staff_name"),
				Arrays.asList((String[]) rs.getArray("fields").getArray()), rs.getString("purpose"), rs.getString("case_number"),
				rs.getString("outcome"));
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
