package tongban.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;
import tongban.audit.SealedRecords;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;

/**
 * Seals of read records. A record's seal is the HMAC (the platform's MAC key) of its fields, written with the record
 * ({@link ReadRecorder}). Every half second (and before each check of the trail) the records committed since the last
 * pass are sealed into the trail as a range of ids by one chained DATA_READ entry, whose detail holds the range and the
 * HMAC over the range's seals ({@code "reads 101-250: 150 reads (SERVED 149, REVEALED 1), seal <hex>"}), recorded with the
 * same values as facts ({@link SealedRange}) that the check reads back from the trail; {@code exchange_seal_head} holds
 * the last id sealed. The facts are not chained, the detail is: a range whose facts do not give its detail is ALTERED. A record is therefore tamper-evident by its seal at once, and by
 * the chain within a second, as entries of the trail are.
 * <p>
 * When the trail is verified, every sealed record is checked against its seal (a changed record: READ_ALTERED, naming
 * it and the entry of its range) and every range against its entry (a record deleted or added: READS_MISSING, naming the
 * entry); a record with a seal that no range covers, though its id was sealed, or one without a seal written after the
 * first sealed one, is READ_UNSEALED; a second record with the seal of another (a copy under a new id) is READ_COPIED.
 * Ranges older than the retention period of read records are checked record by record only, since retention deletes
 * their unreported records. Records sealed before ranges (V41 batches, with {@code audit_id}) are checked record by
 * record.
 */
@Component
class ReadSeals implements SealedRecords {

	/** The actor of the trail's entries that seal ranges. */
	private static final String ACTOR = "exchange";
	/** Serialises sealing passes (on every node). */
	private static final long SEALER = 7_204_411_003L;
	private static final int PAGE = 500;
	/** At most this many records are sealed by one entry. */
	private static final int MAX_RANGE = 50_000;

	private final DataKeys keys;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditTrail audit;
	private final Period keep;

	ReadSeals(DataKeys keys, JdbcClient jdbc, TransactionTemplate tx, @Lazy AuditTrail audit,
			@Value("${tongban.retention.access-records:P3Y}") Period keep) {
		this.keys = keys;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.keep = keep;
	}

	/** The last time given to a read on this node, in microseconds: each read gets a later one, so no two seals are alike. */
	private static final AtomicLong LAST = new AtomicLong();

	/**
	 * The time of a read as the database keeps it (microseconds), so that its seal can be computed again; later than the
	 * last read's on this node.
	 */
	static Instant now() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		return Instant.EPOCH.plus(LAST.accumulateAndGet(micros, (last, now) -> Math.max(last + 1, now)), ChronoUnit.MICROS);
	}

	String seal(Instant at, ReadRecorder.Read r) {
		return seal(at, r.subjectIndex(), r.resourceCode(), r.departmentCode(), r.clientId(), r.staffId(), r.staffName(), r.fields(), r.purpose(),
				r.caseNumber(), r.outcome());
	}

	private String seal(Instant at, String subjectIndex, String resourceCode, String departmentCode, String clientId, String staffId,
			String staffName, List<String> fields, String purpose, String caseNumber, String outcome) {
		StringBuilder b = new StringBuilder(256).append("read");
		for (String s : new String[] { at.toString(), subjectIndex, resourceCode, departmentCode, clientId, staffId, staffName, String.join(",", fields),
				purpose, caseNumber, outcome }) {
			b.append('\u001f').append(s == null ? "\u0000" : s);
		}
		return keys.mac(b.toString());
	}

	/** The MAC over a batch's seals, in sorted order: the order in which the database numbers the records does not matter. */
	String batchSeal(List<String> seals) {
		return keys.mac("reads\u001f" + String.join(",", seals.stream().sorted().toList()));
	}

	/**
	 * What the trail's entry of a range holds: the ids sealed, how many records, by outcome, and the MAC over their
	 * seals ({@link #batchSeal}).
	 */
	record SealedRange(long first, long last, int count, Map<String, Integer> outcomes, String seal) {

		/** The entry's detail, as people read it (outcomes in the order of their names). */
		String detail() {
			StringBuilder b = new StringBuilder().append("reads ").append(first).append('-').append(last).append(": ").append(count).append(" reads (");
			new TreeMap<>(outcomes).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append(' ').append(v));
			return b.append("), seal ").append(seal).toString();
		}
	}

	/**
	 * Seals the records committed since the last pass, up to the highest id committed now, once every insert that may
	 * still bring a lower id has ended. Such an insert drew its id before that highest one was drawn (ids come from the
	 * sequence in order; its cache is 1), and took {@link ReadRecorder#LOCK} before drawing it, so it holds the lock now:
	 * the pass waits for the holders seen after reading the id to end, without blocking anyone (new inserts bring higher
	 * ids). Holders that last over ten seconds leave the range to the next pass.
	 */
	@Override
	@Scheduled(fixedDelay = 500, initialDelay = 2000)
	public void sealPending() {
		long highest = jdbc.sql("select coalesce(max(id), 0) from exchange_access").query(Long.class).single();
		Set<String> underWay = new HashSet<>(holders());
		long until = System.nanoTime() + 10_000_000_000L;
		while (!underWay.isEmpty()) {
			if (System.nanoTime() > until) {
				return;
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			underWay.retainAll(holders());
		}
		while (Boolean.TRUE.equals(tx.execute(s -> sealRange(highest)))) {
			// until the range is sealed
		}
	}

	/** The transactions holding {@link ReadRecorder#LOCK} (an advisory lock on a bigint key: its high and low 32 bits). */
	private List<String> holders() {
		return jdbc.sql("""
				select virtualtransaction from pg_locks
				where locktype = 'advisory' and classid::bigint = ? and objid::bigint = ? and objsubid = 1 and granted""")
			.params(ReadRecorder.LOCK >>> 32, ReadRecorder.LOCK & 0xffff_ffffL)
			.query(String.class)
			.list();
	}

	private record Row(long id, String outcome, String seal) {
	}

	/** Seals up to {@link #MAX_RANGE} records after the head, up to {@code highest}; true when more are left. */
	private boolean sealRange(long highest) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(SEALER).query(Object.class).single();
		long last = jdbc.sql("select last_id from exchange_seal_head where id = 1 for update").query(Long.class).single();
		if (highest <= last) {
			return false;
		}
		// a record without a seal is not the platform's: it is left out, and reported by the check (READ_UNSEALED)
		List<Row> rows = jdbc.sql("select id, outcome, seal from exchange_access where id > ? and id <= ? and seal is not null and audit_id is null"
				+ " order by id limit ?")
			.params(last, highest, MAX_RANGE)
			.query(Row.class)
			.list();
		long upTo = rows.size() == MAX_RANGE ? rows.getLast().id() : highest;
		Map<String, Integer> outcomes = new TreeMap<>();
		rows.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
		SealedRange range = new SealedRange(last + 1, upTo, rows.size(), outcomes, batchSeal(rows.stream().map(Row::seal).toList()));
		audit.record(AuditTrail.DATA_READ, ACTOR, "exchange_access " + range.first() + "-" + range.last(), range.detail(), range);
		jdbc.sql("update exchange_seal_head set last_id = ? where id = 1").param(upTo).update();
		return upTo < highest;
	}

	/** A range sealed by an entry. */
	private record Range(long entryId, Instant at, SealedRange sealed) {

		long first() {
			return sealed.first();
		}

		long last() {
			return sealed.last();
		}
	}

	@Override
	public Optional<Failure> firstFailure() {
		Instant purgedBefore = OffsetDateTime.now(Clocks.ZONE).minus(keep).minusDays(1).toInstant();
		long head = jdbc.sql("select last_id from exchange_seal_head where id = 1").query(Long.class).single();
		// a copy of a real read under another id (its seal is valid, and a second range would count it): no two reads of
		// one node share a time, so two records with one seal are one record and its copy
		Optional<Failure> copied = jdbc.sql("""
				select id from (select id, row_number() over (partition by seal order by id) as nth from exchange_access where seal is not null) s
				where nth > 1 order by id limit 1""")
			.query((rs, n) -> new Failure(null, "READ_COPIED", "exchange_access " + rs.getLong("id")))
			.optional();
		if (copied.isPresent()) {
			return copied;
		}
		// records sealed before ranges, by V41 batches: each against its seal
		Optional<Failure> early = jdbc.sql(SEALED + " where audit_id is not null order by id")
			.query((rs, n) -> sealed(rs))
			.list()
			.stream()
			.filter(r -> !r.intact())
			.findFirst()
			.map(r -> new Failure(r.auditId(), "READ_ALTERED", "exchange_access " + r.id()));
		if (early.isPresent()) {
			return early;
		}
		long after = 0;
		long checkedTo = -1;
		while (true) {
			List<AuditTrail.Recorded<SealedRange>> entries = audit.entries(AuditTrail.DATA_READ, ACTOR, SealedRange.class, after, PAGE);
			if (entries.isEmpty()) {
				break;
			}
			List<Range> ranges = new ArrayList<>();
			for (AuditTrail.Recorded<SealedRange> entry : entries) {
				// the facts are not chained, the detail is: facts that do not give the detail were changed
				if (!entry.facts().detail().equals(entry.detail())) {
					return Optional.of(new Failure(entry.id(), "ALTERED", null));
				}
				ranges.add(new Range(entry.id(), entry.at(), entry.facts()));
			}
			long from = checkedTo < 0 ? ranges.getFirst().first() : checkedTo + 1;
			long to = ranges.stream().mapToLong(Range::last).max().orElseThrow();
			List<Sealed> rows = jdbc.sql(SEALED + " where id between ? and ? and audit_id is null and seal is not null order by id")
				.params(from, to)
				.query((rs, n) -> sealed(rs))
				.list();
			Optional<Failure> failure = check(ranges, rows, purgedBefore);
			if (failure.isPresent()) {
				return failure;
			}
			checkedTo = Math.max(checkedTo, to);
			after = ranges.getLast().entryId();
		}
		// a record with a seal that no range covers, though the head says it was sealed
		Optional<Failure> outside = jdbc.sql("select id from exchange_access where id > ? and id <= ? and audit_id is null and seal is not null order by id limit 1")
			.params(checkedTo, head)
			.query((rs, n) -> new Failure(null, "READ_UNSEALED", "exchange_access " + rs.getLong("id")))
			.optional();
		if (outside.isPresent()) {
			return outside;
		}
		// a record written by hand since reads are sealed (a read made up, to accuse a department of it)
		return jdbc.sql("""
				select id from exchange_access where seal is null
				  and id > (select min(id) from exchange_access where seal is not null) order by id limit 1""")
			.query((rs, n) -> new Failure(null, "READ_UNSEALED", "exchange_access " + rs.getLong("id")))
			.optional();
	}

	/** Checks a page of ranges against the records in their span (in id order): each record, each range, and the gaps. */
	private Optional<Failure> check(List<Range> ranges, List<Sealed> rows, Instant purgedBefore) {
		List<Range> byFirst = ranges.stream().sorted(Comparator.comparingLong(Range::first)).toList();
		int next = 0;
		Range covering = null;
		for (Sealed row : rows) {
			while (next < byFirst.size() && byFirst.get(next).first() <= row.id()) {
				if (covering == null || byFirst.get(next).last() > covering.last()) {
					covering = byFirst.get(next);
				}
				next++;
			}
			if (covering == null || row.id() > covering.last()) {
				return Optional.of(new Failure(null, "READ_UNSEALED", "exchange_access " + row.id()));
			}
			if (!row.intact()) {
				return Optional.of(new Failure(covering.entryId(), "READ_ALTERED", "exchange_access " + row.id()));
			}
		}
		for (Range r : ranges) {
			if (r.at().isBefore(purgedBefore)) {
				continue;
			}
			List<String> found = rows.subList(from(rows, r.first()), from(rows, r.last() + 1)).stream().map(Sealed::seal).toList();
			if (found.size() != r.sealed().count() || !batchSeal(found).equals(r.sealed().seal())) {
				return Optional.of(new Failure(r.entryId(), "READS_MISSING", null));
			}
		}
		return Optional.empty();
	}

	/** The index of the first record with an id of at least {@code id} (the records in id order). */
	private static int from(List<Sealed> rows, long id) {
		int lo = 0;
		int hi = rows.size();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (rows.get(mid).id() < id) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private record Sealed(long id, long auditId, boolean intact, String seal) {
	}

	/** Read records with every field their seal covers, for {@link #sealed(ResultSet)}; a where clause is appended. */
	private static final String SEALED = """
			select id, audit_id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields, purpose,
			  case_number, outcome, seal from exchange_access""";

	private Sealed sealed(ResultSet rs) throws SQLException {
		String[] fields = (String[]) rs.getArray("fields").getArray();
		String computed = seal(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("subject_index"), rs.getString("resource_code"),
				rs.getString("consumer_department_code"), rs.getString("client_id"), rs.getString("staff_id"), rs.getString("staff_name"),
				Arrays.asList(fields), rs.getString("purpose"), rs.getString("case_number"), rs.getString("outcome"));
		String stored = rs.getString("seal");
		return new Sealed(rs.getLong("id"), rs.getLong("audit_id"), computed.equals(stored), stored);
	}
}
