package tongban.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.shared.Clocks;

/**
 * Cases as facts for the indicators (insight): one case after an event about it, or every case submitted or concluded
 * in a period, streamed from the database a batch of rows at a time (the backfill reads a year of cases this way
 * without holding them in memory). Read from casework's own tables; the limits and declared visits come from the
 * catalogue's version the case was filed under. The anomaly rules on reads of personal data ask two smaller things by
 * case number: a case's department, and whether anyone acted on it in a period (nothing about the applicant).
 */
@Service
@Transactional(readOnly = true)
public class CaseFacts {

	/** Rows fetched from the database at a time when streaming. */
	static final int FETCH = 1000;

	private static final String SELECT = """
			select c.id, c.department_code, c.region_code, c.item_code, c.item_version, c.item_name, c.channel, c.submitted_at,
			  c.concluded_at, c.outcome, c.promised_date,
			  (select count(distinct s.requested_at) from casework_supplement s where s.case_id = c.id) as rounds,
			  (select count(*) from casework_visit v where v.case_id = c.id) as visits,
			  (select count(*) from jsonb_each(c.provenance) p where p.value ->> 'source' <> '%s') as prefilled,
			  (select count(*) from casework_material m where m.case_id = c.id and m.licence_identifier is not null) as licences
			from casework_case c
			""".formatted(Verified.ACCOUNT);

	private final JdbcClient jdbc;
	private final CatalogManagement catalog;

	CaseFacts(JdbcClient jdbc, CatalogManagement catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The case as a fact; empty while it is a draft (nothing to count) or if there is no such case. */
	public Optional<CaseFact> of(CaseId caseId) {
		Map<String, ServiceGuide> guides = new HashMap<>();
		return jdbc.sql(SELECT + " where c.id = ? and c.submitted_at is not null")
			.param(caseId.value())
			.query((rs, row) -> fact(rs, guides))
			.optional();
	}

	/** The item a case was filed for; empty if there is no such case. */
	public Optional<String> itemCode(CaseId caseId) {
		return jdbc.sql("select item_code from casework_case where id = ?").param(caseId.value()).query(String.class).optional();
	}

	/**
	 * Every case submitted or concluded on the days {@code from}..{@code to} (Asia/Shanghai), handed to {@code sink} one
	 * at a time as the rows arrive ({@value #FETCH} per round trip).
	 */
	public void forEach(LocalDate from, LocalDate to, Consumer<CaseFact> sink) {
		Instant start = from.atStartOfDay(Clocks.ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant();
		Map<String, ServiceGuide> guides = new HashMap<>();
		try (Stream<CaseFact> facts = jdbc.sql(SELECT + " where (c.submitted_at >= ? and c.submitted_at < ?) or (c.concluded_at >= ? and c.concluded_at < ?)")
			.withFetchSize(FETCH)
			.params(Timestamp.from(start), Timestamp.from(end), Timestamp.from(start), Timestamp.from(end))
			.query((rs, row) -> fact(rs, guides))
			.stream()) {
			facts.forEach(sink);
		}
	}

	private CaseFact fact(ResultSet rs, Map<String, ServiceGuide> guides) throws SQLException {
		String item = rs.getString("item_code");
		int version = rs.getInt("item_version");
		ServiceGuide guide = guides.computeIfAbsent(item + "#" + version, key -> catalog.version(item, version).orElse(null));
		Timestamp concluded = rs.getTimestamp("concluded_at");
		Date due = rs.getDate("promised_date");
		return new CaseFact(CaseId.of(rs.getObject("id", UUID.class)), rs.getString("department_code"), rs.getString("region_code"),
				item, rs.getString("item_name"), rs.getString("channel"), rs.getTimestamp("submitted_at").toInstant(),
				concluded == null ? null : concluded.toInstant(), rs.getString("outcome"), due == null ? null : due.toLocalDate(),
				guide == null ? 0 : guide.statutoryLimit(), guide == null ? 0 : guide.promisedLimit(), guide == null ? 0 : guide.requiredVisits(),
				rs.getInt("rounds"), rs.getInt("visits"), rs.getInt("prefilled"), rs.getInt("licences"));
	}

	/** The department of each of these case numbers that names a case (unknown numbers are left out). */
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
	public boolean actedBetween(String caseNumber, Instant from, Instant to) {
		return jdbc.sql("""
				select exists (select 1 from casework_event e join casework_case c on c.id = e.case_id
				  where c.case_number = ? and e.at > ? and e.at <= ?)""")
			.params(caseNumber, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query(Boolean.class)
			.single();
	}
}
