package tongban.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.audit.AuditTrail;
import tongban.audit.SealedRecords;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;

/**
 * Seals of read records. A record's seal is the HMAC (the platform's MAC key) of its fields; a batch's audit entry holds
 * the HMAC over its records' seals (sorted), in its detail ({@code "12 reads (SERVED 11, REVEALED 1), seal <hex>"}),
 * which the chain protects. When the trail is verified, every sealed record is checked against its seal (a changed
 * record: READ_ALTERED, naming it) and every batch against its entry (a record deleted, added or moved: READS_MISSING,
 * naming the entry); a record without a seal written after the first sealed one is READ_UNSEALED. Batches older than the retention period of read records are checked record by record only, since
 * retention deletes their unreported records.
 */
@Component
class ReadSeals implements SealedRecords {

	private static final Pattern DETAIL = Pattern.compile("^(\\d+) reads \\(.*\\), seal ([0-9a-f]{64})$");
	private static final int PAGE = 500;

	private final DataKeys keys;
	private final JdbcClient jdbc;
	private final Period keep;

	ReadSeals(DataKeys keys, JdbcClient jdbc, @Value("${tongban.retention.access-records:P3Y}") Period keep) {
		this.keys = keys;
		this.jdbc = jdbc;
		this.keep = keep;
	}

	/** The time of a read as the database keeps it (microseconds), so that its seal can be computed again. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
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

	static String detail(int count, Map<String, Integer> outcomes, String batchSeal) {
		StringBuilder b = new StringBuilder().append(count).append(" reads (");
		outcomes.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append(' ').append(v));
		return b.append("), seal ").append(batchSeal).toString();
	}

	private record Batch(long id, Instant at, int count, String seal) {
	}

	private record Sealed(long id, long auditId, boolean intact, String seal) {
	}

	@Override
	public Optional<Failure> firstFailure() {
		Instant purgedBefore = OffsetDateTime.now(Clocks.ZONE).minus(keep).minusDays(1).toInstant();
		long after = 0;
		while (true) {
			List<Batch> batches = new ArrayList<>();
			jdbc.sql("select id, at, detail from audit_entry where kind = ? and id > ? and detail like '% reads (%), seal %' order by id limit ?")
				.params(AuditTrail.DATA_READ, after, PAGE)
				.query((ResultSet rs) -> {
					Matcher m = DETAIL.matcher(rs.getString("detail"));
					if (m.matches()) {
						batches.add(new Batch(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), Integer.parseInt(m.group(1)),
								m.group(2)));
					}
				});
			if (batches.isEmpty()) {
				break;
			}
			Map<Long, List<String>> seals = new HashMap<>();
			Optional<Failure> altered = records(batches.getFirst().id(), batches.getLast().id(), seals);
			if (altered.isPresent()) {
				return altered;
			}
			for (Batch b : batches) {
				List<String> found = seals.getOrDefault(b.id(), List.of());
				if (b.at().isAfter(purgedBefore) && (found.size() != b.count() || !batchSeal(found).equals(b.seal()))) {
					return Optional.of(new Failure(b.id(), "READS_MISSING", null));
				}
			}
			after = batches.getLast().id();
		}
		// a record written by hand since reads are sealed (a read made up, to accuse a department of it)
		Optional<Failure> unsealed = jdbc.sql("""
				select id from exchange_access where audit_id is null
				  and id > (select min(id) from exchange_access where audit_id is not null) order by id limit 1""")
			.query((rs, n) -> new Failure(null, "READ_UNSEALED", "exchange_access " + rs.getLong("id")))
			.optional();
		if (unsealed.isPresent()) {
			return unsealed;
		}
		// a record moved to an entry that seals nothing
		return jdbc.sql("""
				select a.id, a.audit_id from exchange_access a where a.audit_id is not null
				  and not exists (select 1 from audit_entry e where e.id = a.audit_id and e.kind = ?) order by a.id limit 1""")
			.param(AuditTrail.DATA_READ)
			.query((rs, n) -> new Failure(rs.getLong("audit_id"), "READ_ALTERED", "exchange_access " + rs.getLong("id")))
			.optional();
	}

	/** Checks the records sealed by entries from {@code first} to {@code last}; collects their seals by entry, in order. */
	private Optional<Failure> records(long first, long last, Map<Long, List<String>> seals) {
		List<Sealed> rows = jdbc.sql("""
				select id, audit_id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields, purpose,
				  case_number, outcome, seal from exchange_access where audit_id between ? and ? order by audit_id, id""")
			.params(first, last)
			.query((rs, n) -> sealed(rs))
			.list();
		for (Sealed s : rows) {
			if (!s.intact()) {
				return Optional.of(new Failure(s.auditId(), "READ_ALTERED", "exchange_access " + s.id()));
			}
			seals.computeIfAbsent(s.auditId(), k -> new ArrayList<>()).add(s.seal());
		}
		return Optional.empty();
	}

	private Sealed sealed(ResultSet rs) throws SQLException {
		String[] fields = (String[]) rs.getArray("fields").getArray();
		String computed = seal(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("subject_index"), rs.getString("resource_code"),
				rs.getString("consumer_department_code"), rs.getString("client_id"), rs.getString("staff_id"), rs.getString("staff_name"),
				Arrays.asList(fields), rs.getString("purpose"), rs.getString("case_number"), rs.getString("outcome"));
		String stored = rs.getString("seal");
		return new Sealed(rs.getLong("id"), rs.getLong("audit_id"), computed.equals(stored), stored);
	}
}
