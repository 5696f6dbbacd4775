package tongban.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.catalog.ItemFilter;
import tongban.shared.Masking;

/**
 * A department's case records for its staff: the cases it has finished (newest first, a page at a time), a search by
 * case number, applicant name or item, and one case opened from them; always within the staff member's department and
 * region scope, whatever else is asked. Applicants' names are shown masked. A search by a person's name reads personal
 * data (which cases that person has): each case it finds is recorded in the audit trail (DATA_READ), as a staff member
 * seeing a case's personal data in full is (DATA_REVEAL, {@link Cases#recordReveal}).
 */
@Service
@Transactional
public class CaseRecords {

	/** Finished cases on one page. */
	public static final int PAGE = 20;

	/** Cases a search shows at most (newest first). */
	public static final int SEARCH_LIMIT = 50;

	/** Characters of a search kept: a name, a case number or part of an item's name. */
	public static final int MAX_QUERY = 40;

	/** Whose records: a staff member of a department, limited to a region (its code; its prefix covers what is below). */
	public record Scope(UUID staffId, String staffName, String departmentCode, String regionScope) {

		String regionPattern() {
			return (regionScope == null || regionScope.isBlank() ? "" : ItemFilter.regionPrefix(regionScope)) + "%";
		}
	}

	/** One case in a list; the applicant's name masked (张*). */
	public record Row(CaseId id, String caseNumber, String itemCode, String itemName, String applicant, CaseStatus status, OffsetDateTime submittedAt,
			OffsetDateTime concludedAt) {
	}

	static final String COLUMNS = "id, case_number, item_code, item_name, applicant_name, status, submitted_at, concluded_at";

	static final String IN_SCOPE = "department_code = ? and region_code like ?";

	private final JdbcClient jdbc;
	private final Cases cases;
	private final AuditTrail audit;

	CaseRecords(JdbcClient jdbc, Cases cases, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	/** The cases the department has finished (a decision, a refusal, delivery), the latest first. */
	@Transactional(readOnly = true)
	public Page<Row> finished(Scope scope, int page) {
		int number = Math.max(0, page);
		long total = jdbc.sql("select count(*) from casework_case where " + IN_SCOPE + " and concluded_at is not null")
			.params(scope.departmentCode(), scope.regionPattern())
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql("select " + COLUMNS + " from casework_case where " + IN_SCOPE + " and concluded_at is not null"
				+ " order by concluded_at desc, id limit ? offset ?")
			.params(scope.departmentCode(), scope.regionPattern(), PAGE, (long) number * PAGE)
			.query((rs, rowNumber) -> row(rs))
			.list();
		return new PageImpl<>(rows, PageRequest.of(number, PAGE), total);
	}

	/**
	 * Submitted cases of the department whose number is (or starts with) the words, whose applicant is named exactly so,
	 * or whose item's name contains them or code is them; the newest {@link #SEARCH_LIMIT}. Cases found by the applicant's
	 * name are recorded as reads of personal data.
	 */
	public List<Row> search(Scope scope, String query) {
		String words = words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		String like = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		List<Found> found = jdbc.sql("select " + COLUMNS + " from casework_case where " + IN_SCOPE + " and status <> ? and (case_number = ?"
				+ " or (? and case_number like ?) or applicant_name = ? or item_name like ? or item_code = ?)"
				+ " order by submitted_at desc nulls last, id limit ?")
			.params(scope.departmentCode(), scope.regionPattern(), CaseStatus.DRAFT.name(), words, words.matches("\\d{6,}"), like + "%", words,
					"%" + like + "%", words, SEARCH_LIMIT)
			.query((rs, rowNumber) -> new Found(row(rs), rs.getString("applicant_name")))
			.list();
		for (Found hit : found) {
			if (hit.applicantName().equals(words)) {
				audit.record(AuditTrail.DATA_READ, "staff:" + scope.staffId(), "case:" + hit.row().id(),
						scope.staffName() + " found the case by the applicant's name");
			}
		}
		return found.stream().map(Found::row).toList();
	}

	/** One submitted case of the department, for its staff. */
	@Transactional(readOnly = true)
	public Optional<CaseView> open(Scope scope, CaseId caseId) {
		UUID id = caseId.value();
		boolean inScope = jdbc.sql("select count(*) from casework_case where id = ? and " + IN_SCOPE + " and status <> ?")
			.params(id, scope.departmentCode(), scope.regionPattern(), CaseStatus.DRAFT.name())
			.query(Long.class)
			.single() > 0;
		return inScope ? cases.forStaff(caseId) : Optional.empty();
	}

	/** What a search looks for: control characters dropped, spaces trimmed, at most {@link #MAX_QUERY} characters. */
	public static String words(String query) {
		if (query == null) {
			return "";
		}
		String cleaned = query.replaceAll("\\p{Cntrl}", "").strip();
		return cleaned.length() > MAX_QUERY ? cleaned.substring(0, MAX_QUERY).strip() : cleaned;
	}

	private record Found(Row row, String applicantName) {
	}

	static Row row(ResultSet rs) throws SQLException {
		return new Row(CaseId.of(rs.getObject("id", UUID.class)), rs.getString("case_number"), rs.getString("item_code"), rs.getString("item_name"),
				Masking.name(rs.getString("applicant_name")), CaseStatus.valueOf(rs.getString("status")), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getObject("concluded_at", OffsetDateTime.class));
	}
}
