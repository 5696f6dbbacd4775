package tongban.exchange.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records reads in the statement that reads the data: a lookup's query inserts the read's record and selects the
 * data at once, so the record is committed with the statement (on its own, or with the caller's transaction) and no
 * answer leaves without it, at the cost of one row, and without a second round trip, a second transaction or a thread
 * to hand it to. Each record carries its seal ({@link ReadMacs}), the HMAC of its fields under the platform's MAC key;
 * {@link ReadSeals} seals the records committed since its last pass into the audit trail with one chained entry.
 * <p>
 * The insert holds the advisory lock {@link #LOCK}, shared, until its transaction ends, taken before the row's id is
 * drawn: the sealer sees in {@code pg_locks} which inserts are under way, and waits for them before it seals a range.
 */
@Component
public class ReadRecorder {

	/** The advisory lock held (shared) by every insert of a read record until its transaction ends. */
	static final long LOCK = 7_204_411_002L;

	/**
	 * A read to record: who read (the department, and its system or staff member, named in the audit trail as
	 * {@code actor}) whose data (the subject's blind index), which fields, why, for which case, and how (SERVED,
	 * PREFILL, REVEALED).
	 */
	public record Read(String actor, String subjectIndex, String resourceCode, String departmentCode, String clientId, String staffId, String staffName,
			List<String> fields, String purpose, String caseNumber, String outcome) {
	}

	/** Takes the shared lock, before the insert draws the row's id. */
	private static final String LOCKED = "with locked as (select pg_advisory_xact_lock_shared(" + LOCK + ")) ";

	/** Field names hold no commas: they are joined for the statement and split again. */
	private static final String INSERT = """
			insert into exchange_access (at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
			  purpose, case_number, outcome, seal)
			select ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ? from locked""";

	/** Records the read in a statement whose query follows. */
	private static final String RECORDED_WITH = LOCKED + ", recorded as (" + INSERT + ") ";

	private final JdbcClient jdbc;
	private final ReadMacs macs;
	private final JdbcTemplate batch;

	ReadRecorder(JdbcClient jdbc, ReadMacs macs, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.macs = macs;
		this.batch = batch;
	}

	/**
	 * Records the read and runs {@code query} (which selects one text column, with {@code params}) in the same statement:
	 * the data is answered only with its record written.
	 */
	public Optional<String> recordWhile(Read read, String query, Object... params) {
		Object[] record = params(read);
		Object[] all = new Object[record.length + params.length];
		System.arraycopy(record, 0, all, 0, record.length);
		System.arraycopy(params, 0, all, record.length, params.length);
		return jdbc.sql(RECORDED_WITH + query).params(all).query(String.class).optional();
	}

	/**
	 * Records many reads at once (a register scan's page), one batch statement, in the caller's transaction: the
	 * caller hands the data on only after that transaction commits.
	 */
	public void recordAll(List<Read> reads) {
		if (!reads.isEmpty()) {
			holdLock();
			batch.batchUpdate(INSERT.replace(" from locked", ""), reads.stream().map(this::params).toList());
		}
	}

	/** Records a read on its own (a staff member reveals a field). */
	public void record(Read read) {
		jdbc.sql(LOCKED + INSERT).params(params(read)).update();
	}

	/**
	 * Takes {@link #LOCK}, shared, until the caller's transaction ends, before records written by other statements (the
	 * history import's batches) draw their ids: the sealer waits for them as for any read.
	 */
	public void holdLock() {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock_shared(" + LOCK + ")) l").query(Integer.class).single();
	}

	/** The seal of a read made at {@code at} (microseconds), for a record written at its own time (the history import). */
	public String seal(Instant at, Read read) {
		return macs.seal(at, read);
	}

	private Object[] params(Read r) {
		Instant at = ReadMacs.now();
		return new Object[] { OffsetDateTime.ofInstant(at, ZoneOffset.UTC), r.subjectIndex(), r.resourceCode(), r.departmentCode(), r.clientId(),
				r.staffId(), r.staffName(), String.join(",", r.fields()), r.purpose(), r.caseNumber(), r.outcome(), macs.seal(at, r) };
	}
}
