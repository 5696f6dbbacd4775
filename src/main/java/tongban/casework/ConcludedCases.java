package tongban.casework;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * The cases behind a figure of the indicators (insight's drill-down district → department → item → cases): the cases
 * of one item a department concluded on the days {@code from}..{@code to} (Asia/Shanghai), within a region scope, the
 * latest first, with the applicant's name masked, as {@link CaseRecords} lists them.
 */
@Service
@Transactional(readOnly = true)
public class ConcludedCases {

	/** Cases listed at most. */
	public static final int LIMIT = 100;

	private final JdbcClient jdbc;

	ConcludedCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CaseRecords.Row> ofItem(CaseRecords.Scope scope, String itemCode, LocalDate from, LocalDate to) {
		return jdbc.sql("select " + CaseRecords.COLUMNS + " from casework_case where " + CaseRecords.IN_SCOPE
				+ " and item_code = ? and concluded_at >= ? and concluded_at < ? order by concluded_at desc, id limit ?")
			.params(scope.departmentCode(), scope.regionPattern(), itemCode, from.atStartOfDay(Clocks.ZONE).toOffsetDateTime(),
					to.plusDays(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime(), LIMIT)
			.query((rs, rowNumber) -> CaseRecords.row(rs))
			.list();
	}
}
