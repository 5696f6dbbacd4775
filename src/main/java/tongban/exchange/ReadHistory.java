package tongban.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.exchange.internal.ReadRecorder;
import tongban.shared.Batches;
import tongban.shared.DataKeys;

/**
 * History import (docs/decisions/0028): reads of shared data made on earlier days, written into the access log in
 * batches, each with its seal as a live read gets it, so the sealer ({@code ReadSeals}) chains them into the audit trail
 * on its next pass and 谁查询了我的数据 shows them like any other read.
 */
@Service
public class ReadHistory {

	/**
	 * A read: when, whose data (the subject's ID number or USCC, kept only as its blind index), which resource and fields,
	 * by which department and staff member (staff id and name), why, for which case (empty for none), and how (SERVED,
	 * REVEALED, PREFILL).
	 */
	public record HistoricRead(OffsetDateTime at, String subjectIdentifier, String resourceCode, List<String> fields, String departmentCode,
			String staffId, String staffName, String purpose, String caseNumber, String outcome) {

		public HistoricRead {
			fields = List.copyOf(fields);
		}
	}

	private final JdbcTemplate jdbc;
	private final DataKeys keys;
	private final ReadRecorder recorder;

	ReadHistory(JdbcTemplate jdbc, DataKeys keys, ReadRecorder recorder) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.recorder = recorder;
	}

	/** Writes the reads, oldest first; in the caller's transaction. */
	@Transactional
	public void importReads(List<HistoricRead> reads) {
		List<Object[]> rows = new ArrayList<>();
		for (HistoricRead r : reads.stream().sorted(Comparator.comparing(HistoricRead::at)).toList()) {
			Instant at = r.at().toInstant().truncatedTo(ChronoUnit.MICROS);
			var read = new ReadRecorder.Read("staff:" + r.staffId(), keys.blindIndex(r.subjectIdentifier()), r.resourceCode(), r.departmentCode(), null,
					r.staffId(), r.staffName(), r.fields(), r.purpose(), r.caseNumber(), r.outcome());
			rows.add(new Object[] { OffsetDateTime.ofInstant(at, ZoneOffset.UTC), read.subjectIndex(), read.resourceCode(), read.departmentCode(),
					read.staffId(), read.staffName(), String.join(",", read.fields()), read.purpose(), read.caseNumber(), read.outcome(),
					recorder.seal(at, read) });
		}
		recorder.holdLock();
		Batches.write(jdbc, """
				insert into exchange_access (at, subject_index, resource_code, consumer_department_code, staff_id, staff_name, fields, purpose,
				  case_number, outcome, seal)
				values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?)""", rows);
	}
}
