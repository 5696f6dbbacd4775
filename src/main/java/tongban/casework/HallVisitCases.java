package tongban.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * What a hall visit (a queue number served at a window) needs of cases: the visitor's cases the clerk may link to the
 * visit, a case found by its number, and the 跑动次数 count. A visit that handled a case counts once per case and day:
 * when {@link CounterVisits} already measured a visit of that case that day (the counter intake wrote its INTAKE row),
 * the hall visit adds none, so nothing is counted twice.
 */
@Service
@Transactional
public class HallVisitCases {

	private static final String SELECT = """
			select id, case_number, item_name, status, updated_at, promised_date from casework_case""";

	private final JdbcClient jdbc;
	private final CounterVisits visits;

	HallVisitCases(JdbcClient jdbc, CounterVisits visits) {
		this.jdbc = jdbc;
		this.visits = visits;
	}

	/** The latest submitted (not draft) cases an account applied for, newest first. */
	@Transactional(readOnly = true)
	public List<CaseSummary> recentOf(UUID accountId, int limit) {
		return jdbc.sql(SELECT + " where applicant_account_id = ? and status <> 'DRAFT' order by updated_at desc limit ?")
			.params(accountId, limit)
			.query((rs, row) -> summary(rs))
			.list();
	}

	/** A submitted case by its number (受理编号), as a clerk types it. */
	@Transactional(readOnly = true)
	public Optional<CaseSummary> byNumber(String caseNumber) {
		if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 40) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where case_number = ? and status <> 'DRAFT'").param(caseNumber.strip()).query((rs, row) -> summary(rs)).optional();
	}

	/**
	 * Counts the hall visit for the case at {@code at} (the visit's close, from the one clock) unless a visit of the case was already measured that day;
	 * {@code true} when this call recorded one. The kind is INTAKE when the case has none yet, otherwise SUPPLEMENT (the
	 * person came back to the window for a case already under way).
	 */
	public boolean countVisit(CaseId caseId, Instant at, String staffName, UUID windowId) {
		LocalDate day = at.atZone(Clocks.ZONE).toLocalDate();
		// one at a time per case: the case row's lock makes a simultaneous second close wait and then find the first row
		jdbc.sql("select id from casework_case where id = ? for update").param(caseId.value()).query(UUID.class).optional();
		boolean measured = jdbc.sql("select exists (select 1 from casework_visit where case_id = ? and (at at time zone ?)::date = ?)")
			.params(caseId.value(), Clocks.ZONE.getId(), day)
			.query(Boolean.class)
			.single();
		if (measured) {
			return false;
		}
		CounterVisits.Kind kind = visits.count(caseId, CounterVisits.Kind.INTAKE) == 0 ? CounterVisits.Kind.INTAKE : CounterVisits.Kind.SUPPLEMENT;
		jdbc.sql("insert into casework_visit (id, case_id, kind, at, window_id, staff_name) values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), caseId.value(), kind.name(), Timestamp.from(at), windowId, staffName)
			.update();
		return true;
	}

	private static CaseSummary summary(ResultSet rs) throws SQLException {
		return new CaseSummary(CaseId.of(rs.getObject("id", UUID.class)), rs.getString("case_number"), rs.getString("item_name"),
				rs.getString("status"), rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("promised_date", LocalDate.class));
	}
}
