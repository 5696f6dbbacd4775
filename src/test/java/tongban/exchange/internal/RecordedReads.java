package tongban.exchange.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.shared.DataKeys;

/**
 * Test support: reads recorded at a time the test chooses (the live path stamps each read with the time it is made), in
 * the same table, with the same seal and under the same lock as {@link ReadRecorder}, so that rules over reads can be
 * tested at 23:00 or on a past day.
 */
public final class RecordedReads {

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final ReadMacs macs;

	public RecordedReads(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.macs = new ReadMacs(keys);
	}

	/** A read by a member of staff of this ID number's data, at {@code at}; returns its id. */
	public long staffRead(Instant at, String idNumber, String departmentCode, String staffId, String staffName, String caseNumber, String outcome) {
		Instant micros = at.truncatedTo(ChronoUnit.MICROS);
		ReadRecorder.Read read = new ReadRecorder.Read("staff:" + staffId, keys.blindIndex(idNumber), "XH-GA-RK", departmentCode, null, staffId, staffName,
				List.of("name", "idNumber"), "核验申请人身份", caseNumber, outcome);
		return jdbc.sql("""
				with locked as (select pg_advisory_xact_lock_shared(?))
				insert into exchange_access (at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
				  purpose, case_number, outcome, seal)
				select ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ? from locked returning id""")
			.params(ReadRecorder.LOCK, OffsetDateTime.ofInstant(micros, ZoneOffset.UTC), read.subjectIndex(), read.resourceCode(), departmentCode, null,
					staffId, staffName, String.join(",", read.fields()), read.purpose(), caseNumber, outcome, macs.seal(micros, read))
			.query(Long.class)
			.single();
	}
}
