package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.StaffMember;
import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.identity.Role;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The monthly aggregate kept up to date on every write equals the one recomputed from the ratings and tasks: after a bad
 * rating rectified and re-rated, a neutral one, and a bad one excluded on appeal (and whatever other tests wrote before),
 * {@link RatingStatistics#rebuild()} changes no row.
 */
class StatisticsRebuildIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CaseRatings caseRatings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	Appeals appeals;

	@Autowired
	RatingStatistics statistics;

	private List<Map<String, Object>> aggregate() {
		return jdbc.sql("""
				select m.*, coalesce((select string_agg(t.tag || '=' || t.bad, ',' order by t.tag) from feedback_monthly_tag t
				  where t.month = m.month and t.department_code = m.department_code and t.region_code = m.region_code and t.bad <> 0), '') as tags
				from feedback_monthly m
				where ratings <> 0 or rectify_opened <> 0 or rectify_done <> 0 or rectify_on_time <> 0
				order by month, department_code, region_code""").query().listOfRows();
	}

	@Test
	void incrementalAggregateEqualsTheRebuiltOne() {
		var dep = new StaffMember(UUID.randomUUID(), "人社管理员", Concluded.DEPARTMENT, "330106",
				EnumSet.of(Role.DEPT_ADMIN));
		var sup = new StaffMember(UUID.randomUUID(), "监察", "XH-ZWFW", "330106", EnumSet.of(Role.SUPERVISOR));

		Citizen a = newCitizen("重评的人", 2);
		UUID caseA = Concluded.socialSecurityCard(applying, cases, approval, a);
		var bad = caseRatings.rateCase(TestCases.actor(a), caseA, new RatingInput("DISSATISFIED", Map.of("efficiency", "2"), List.of("MULTIPLE_VISITS"), null));
		UUID task = jdbc.sql("select id from feedback_rectification where rating_id = ?").param(bad.id()).query(UUID.class).single();
		rectifications.verify(dep, task, "属实");
		rectifications.rectify(dep, task, RectificationOutcome.EXPLAINED, "依法需要现场核验，已解释");
		rectifications.revisit(dep, task, "表示理解");
		caseRatings.rateCase(TestCases.actor(a), caseA, new RatingInput("BASICALLY_SATISFIED", null, null, null));

		Citizen b = newCitizen("被申诉的人", 2);
		UUID caseB = Concluded.socialSecurityCard(applying, cases, approval, b);
		var appealed = caseRatings.rateCase(TestCases.actor(b), caseB, new RatingInput("VERY_DISSATISFIED", null, List.of("ATTITUDE", "FAST"), "差"));
		UUID taskB = jdbc.sql("select id from feedback_rectification where rating_id = ?").param(appealed.id()).query(UUID.class).single();
		rectifications.verify(dep, taskB, "不属实");
		var appeal = appeals.appeal(dep, appealed.id(), "MISTAKEN", "评价对象有误");
		appeals.decide(sup, appeal.id(), true, "成立");

		List<Map<String, Object>> incremental = aggregate();
		assertThat(incremental).isNotEmpty();
		statistics.rebuild();
		assertThat(aggregate()).isEqualTo(incremental);
	}
}
