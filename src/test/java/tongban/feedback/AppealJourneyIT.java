package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Page;

import tongban.identity.StaffMember;
import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * 申诉: a malicious 非常不满意 of a 社会保障卡 case; the department admin appeals it from the task page (a reason is
 * required); a supervisor of 西湖区 upholds it on the workbench: the rating leaves the public statistics (with its
 * rectification task) but stays on the supervisor's list, marked. A supervisor of another region does not see the appeal.
 */
class AppealJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	DirectoryManagement directory;

	@Autowired
	CaseRatings caseRatings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	Appeals appeals;

	@SuppressWarnings("unchecked")
	private Map<String, Object> total() {
		return (Map<String, Object>) RestClient.create(url("")).get().uri("/api/ratings/stats?region=330106&department=" + Concluded.DEPARTMENT)
			.retrieve().body(Map.class).get("total");
	}

	private static long n(Map<String, Object> m, String k) {
		return ((Number) m.get(k)).longValue();
	}

	@Test
	void upheldAppealExcludesTheRatingFromStatisticsButNotFromSupervisors() {
		Citizen c = newCitizen("恶意评价人", 2);
		UUID id = Concluded.socialSecurityCard(applying, cases, approval, c);
		Map<String, Object> before = total();
		var rating = caseRatings.rateCase(TestCases.actor(c), id, new RatingInput("VERY_DISSATISFIED", Map.of(), List.of("ATTITUDE"), "随便打个差评"));
		assertThat(n(total(), "bad")).isEqualTo(n(before, "bad") + 1);

		var dep = directory.departmentByCode(Concluded.DEPARTMENT).orElseThrow();
		Staff admin = newStaff(dep.code(), Role.DEPT_ADMIN, "人社申诉员");
		UUID task = jdbc.sql("select id from feedback_rectification where rating_id = ?").param(rating.id()).query(UUID.class).single();
		// another department's staff do not see the task
		var other = new StaffMember(UUID.randomUUID(), "别的部门", "XH-ZWFW", "330106", EnumSet.of(Role.DEPT_ADMIN));
		assertThat(catchThrowableOfType(DomainException.class, () -> rectifications.task(other, task)).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(rectifications.tasks(other)).noneMatch(d -> d.task().id().equals(task));

		// past both deadlines (as if opened a week ago), the task is marked overdue
		jdbc.sql("update feedback_rectification set verify_due = current_date - 3, rectify_due = current_date - 1 where id = ?").param(task).update();
		Page s = staffPage(admin);
		s.navigate(base() + "/workbench/ratings");
		assertThat(s.locator("[data-testid='task-" + rating.id() + "'] [data-testid='overdue']").isVisible()).isTrue();
		s.navigate(base() + "/workbench/ratings/tasks/" + task);
		assertThat(s.getByTestId("overdue").isVisible()).isTrue();
		s.locator("#ground-MALICIOUS").check();
		s.getByTestId("appeal-submit").click();
		assertThat(s.getByTestId("error-summary").textContent()).contains("请填写申诉说明");
		assertThat(s.locator("#ground-MALICIOUS").isChecked()).isTrue();
		s.locator("#reason").fill("该申请人当天已按时领卡，评价内容与事实不符，系恶意差评。");
		s.getByTestId("appeal-submit").click();
		assertThat(s.getByTestId("appeal-status").textContent()).contains("待审核");
		Accessibility.check(s);

		Staff elsewhere = newStaff("XH-ZWFW", "330102", Role.SUPERVISOR, "外区监察");
		assertThat(appeals.appeals(new StaffMember(elsewhere.id(), "外区监察", "XH-ZWFW", "330102", EnumSet.of(Role.SUPERVISOR))))
			.noneMatch(a -> a.rating().id().equals(rating.id()));
		Staff supervisor = newStaff("XH-ZWFW", "330106", Role.SUPERVISOR, "区监察");
		Page v = staffPage(supervisor);
		v.navigate(base() + "/workbench");
		v.getByTestId("appeals-link").click();
		Accessibility.check(v);
		var row = v.locator("[data-testid='appeal-" + rating.id() + "']");
		row.getByTestId("uphold").click();
		assertThat(v.getByTestId("error-summary").textContent()).contains("请填写情况说明");
		v.locator("[data-testid='appeal-" + rating.id() + "'] input[name=note]").fill("经核实，评价与事实不符，申诉成立。");
		v.locator("[data-testid='appeal-" + rating.id() + "']").getByTestId("uphold").click();
		assertThat(v.locator("[data-testid='appeal-" + rating.id() + "']").textContent()).contains("申诉成立");
		assertThat(v.locator("[data-testid='rating-" + rating.id() + "']").getByTestId("excluded").isVisible()).isTrue();
		Accessibility.check(v);

		Map<String, Object> after = total();
		assertThat(n(after, "bad")).isEqualTo(n(before, "bad"));
		assertThat(n(after, "ratings")).isEqualTo(n(before, "ratings"));
		assertThat(n(after, "rectifyOpened")).isEqualTo(n(before, "rectifyOpened"));
		assertThat(jdbc.sql("select status from feedback_rectification where id = ?").param(task).query(String.class).single()).isEqualTo("EXCLUDED");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'RATING_APPEAL' and subject = ?").param("rating:" + rating.id())
			.query(Long.class).single()).isEqualTo(1);
		s.context().close();
		v.context().close();
	}
}
