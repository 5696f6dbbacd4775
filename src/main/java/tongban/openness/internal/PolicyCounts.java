package tongban.openness.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tongban.openness.ProactiveDisclosureCounts;
import tongban.openness.domain.PolicyTerms.DocType;

/**
 * 主动公开政府信息情况 counted from the policies the platform published (after the 保密审查; withdrawn ones do not
 * count, whatever their 公开方式): per issuing department (each issuer of a joint document counts it), 本年制发 by the
 * 发布日期, 本年废止 by the date a policy became 废止 or 失效, 现行有效 those published by the year's end and not
 * repealed, expired or amended by then.
 */
@Component
@Transactional(readOnly = true)
class PolicyCounts implements ProactiveDisclosureCounts {

	private final JdbcClient jdbc;

	PolicyCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Row regulations(String departmentCode, int year) {
		return row(departmentCode, year, DocType.REGULATION);
	}

	@Override
	public Row normativeDocuments(String departmentCode, int year) {
		return row(departmentCode, year, DocType.NORMATIVE);
	}

	Row row(String departmentCode, int year, DocType type) {
		LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year + 1, 1, 1);
		return jdbc.sql("""
				select count(*) filter (where p.published_on >= :from and p.published_on < :to) as issued,
				       count(*) filter (where p.validity in ('REPEALED', 'EXPIRED') and p.validity_on >= :from and p.validity_on < :to) as repealed,
				       count(*) filter (where p.published_on < :to and (p.validity = 'VALID' or p.validity_on >= :to)) as in_force
				from openness_publication p join openness_publication_issuer i on i.publication_id = p.id
				where p.kind = 'POLICY' and p.status = 'PUBLISHED' and p.doc_type = :type and i.department_code = :department""")
			.param("from", from)
			.param("to", to)
			.param("type", type.name())
			.param("department", departmentCode)
			.query((rs, n) -> new Row(rs.getInt("issued"), rs.getInt("repealed"), rs.getInt("in_force")))
			.single();
	}
}
