package tongban.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.audit.AuditTrail;
import tongban.audit.SealedRecords.Failure;
import tongban.exchange.internal.ReadSeals.SealedRange;
import tongban.shared.Clocks;

/**
 * The check of sealed reads, when the trail is verified: every sealed record is checked against its seal (a changed
 * record: READ_ALTERED, naming it and the entry of its range) and every range against its entry (a record deleted or
 * added: READS_MISSING, naming the entry); a range whose facts no longer give its chained detail is ALTERED; a record
 * with a seal that no range covers, though its id was sealed, or one without a seal written after the first sealed one,
 * is READ_UNSEALED; a second record with the seal of another (a copy under a new id) is READ_COPIED. Ranges older than
 * the retention period of read records are checked record by record only, since retention deletes their unreported
 * records. Records sealed before ranges (V41 batches, with {@code audit_id}) are checked record by record.
 */
@Component
class ReadSealCheck {

	private static final int PAGE = 500;

	private final ReadMacs macs;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Period keep;

	ReadSealCheck(ReadMacs macs, JdbcClient jdbc, @Lazy AuditTrail audit, @Value("${tongban.retention.access-records:P3Y}") Period keep) {
		this.macs = macs;
		this.jdbc = jdbc;
		this.audit = audit;
		this.keep = keep;
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

	/** The first record or range that fails, or none. */
	Optional<Failure> firstFailure() {
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
			List<AuditTrail.Recorded<SealedRange>> entries = audit.entries(AuditTrail.DATA_READ, ReadSeals.ACTOR, SealedRange.class, after, PAGE);
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
			if (found.size() != r.sealed().count() || !macs.batchSeal(found).equals(r.sealed().seal())) {
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
		String computed = macs.seal(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("subject_index"), rs.getString("resource_code"),
				rs.getString("consumer_department_code"), rs.getString("client_id"), rs.getString("staff_id"), rs.getString("staff_name"),
				Arrays.asList(fields), rs.getString("purpose"), rs.getString("case_number"), rs.getString("outcome"));
		String stored = rs.getString("seal");
		return new Sealed(rs.getLong("id"), rs.getLong("audit_id"), computed.equals(stored), stored);
	}
}
