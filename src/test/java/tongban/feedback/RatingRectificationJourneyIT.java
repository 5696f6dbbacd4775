package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Page;

import tongban.casework.CaseId;
import tongban.support.TestCases;
import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * 一事一评 to 差评整改 in Chromium: a citizen's 社会保障卡 case is handled to its end and the citizen is invited to rate it;
 * on the rating page an empty form and a bad rating without a reason are refused with the error summary (input kept);
 * the citizen gives 非常不满意 with a tag and a comment, and a rectification task opens for 区人力社保局 with its due
 * dates counted in working days on the platform's calendar; the department's admin verifies, rectifies and revisits on
 * the workbench; the citizen re-rates once (满意), which replaces the bad rating in the statistics, and may not rate a
 * third time. The public statistics API shows each change.
 */
class RatingRectificationJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	DirectoryManagement directory;

	@Autowired
	WorkingCalendars calendars;

	@SuppressWarnings("unchecked")
	private Map<String, Object> total() {
		Map<String, Object> body = RestClient.create(url("")).get().uri("/api/ratings/stats?department=" + Concluded.DEPARTMENT)
			.retrieve().body(Map.class);
		return (Map<String, Object>) body.get("total");
	}

	private static long n(Map<String, Object> figures, String key) {
		return ((Number) figures.get(key)).longValue();
	}

	@Test
	void badRatingIsRectifiedRevisitedAndRerated() {
		Citizen citizen = newCitizen("好差评申请人", 2);
		UUID id = Concluded.socialSecurityCard(applying, cases, approval, citizen);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from feedback_invitation where case_id = ?").param(id).query(Long.class).single() == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'RATING_INVITED'")
			.param(citizen.id()).query(Long.class).single() == 1);
		Map<String, Object> before = total();

		Page p = citizenPage(citizen);
		p.navigate(base() + "/cases/" + id);
		p.getByTestId("rate-case").click();
		assertThat(p.url()).endsWith("/cases/" + id + "/rating");
		Accessibility.check(p);
		// on a phone the form starts with the five levels and the submit button; scores, tags and comment fold away
		p.setViewportSize(360, 740);
		assertThat(p.getByTestId("rating-details").getAttribute("open")).as("details optional, folded").isNull();
		assertThat(p.getByTestId("rating-form").boundingBox().height).as("form height at 360 px").isLessThan(400);
		assertThat(p.locator("#tag-OVERDUE").isVisible()).isFalse();
		p.getByTestId("submit-rating").click();
		assertThat(p.title()).startsWith("错误：");
		assertThat(p.getByTestId("rating-details").getAttribute("open")).as("opened to show what is wrong").isNotNull();
		assertThat(p.getByTestId("error-summary").textContent()).contains("请选择总体评价");
		Accessibility.check(p);
		p.locator("#level-VERY_DISSATISFIED").check();
		p.locator("#score-efficiency-1").check();
		p.getByTestId("submit-rating").click();
		assertThat(p.getByTestId("error-summary").textContent()).contains("请选择问题所在的标签或填写意见");
		assertThat(p.locator("#level-VERY_DISSATISFIED").isChecked()).as("input kept").isTrue();
		assertThat(p.locator("#score-efficiency-1").isChecked()).isTrue();
		assertThat(jdbc.sql("select count(*) from feedback_rating where case_id = ?").param(id).query(Long.class).single()).isZero();
		p.locator("#tag-OVERDUE").check();
		p.locator("#comment").fill("超过承诺时间很久才办好，电话也没人接。");
		p.getByTestId("submit-rating").click();
		assertThat(p.getByTestId("rating-1").textContent()).contains("非常不满意").contains("超过法定办理时间");
		assertThat(p.getByTestId("rated-once").isVisible()).isTrue();

		// the task, due in working days on the calendar (not simply weekdays)
		var task = jdbc.sql("""
				select t.id, t.verify_due, t.rectify_due, t.department_code from feedback_rectification t join feedback_rating r on r.id = t.rating_id
				where r.case_id = ?""").param(id).query((rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
				rs.getObject(3, LocalDate.class), rs.getString(4) }).single();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate verifyDue = calendars.current().addWorkingDays(today, 1);
		assertThat(task[1]).isEqualTo(verifyDue);
		assertThat(task[2]).isEqualTo(calendars.current().addWorkingDays(verifyDue, 5));
		assertThat(task[3]).isEqualTo(Concluded.DEPARTMENT);
		Map<String, Object> bad = total();
		assertThat(n(bad, "bad")).isEqualTo(n(before, "bad") + 1);
		assertThat(n(bad, "rectifyOpened")).isEqualTo(n(before, "rectifyOpened") + 1);
		assertThat(n(bad, "ratings")).isEqualTo(n(before, "ratings") + 1);

		// the department works the task on the workbench
		var dep = directory.departmentByCode(Concluded.DEPARTMENT).orElseThrow();
		Staff admin = newStaff(dep.code(), Role.DEPT_ADMIN, "人社管理员");
		Page s = staffPage(admin);
		s.navigate(base() + "/workbench");
		s.getByTestId("ratings-link").click();
		Accessibility.check(s);
		s.locator("[data-testid='task-" + jdbc.sql("select id from feedback_rating where case_id = ?").param(id).query(UUID.class).single() + "'] a").click();
		assertThat(s.getByTestId("verify-due").textContent()).isEqualTo(verifyDue.toString());
		assertThat(s.getByTestId("rater").textContent()).isEqualTo("好*****").doesNotContain("申请人");
		Accessibility.check(s);
		s.getByTestId("step-submit").click();
		assertThat(s.getByTestId("error-summary").textContent()).contains("请填写情况说明");
		s.locator("#note").fill("已电话联系申请人，核实办理超期属实。");
		s.getByTestId("step-submit").click();
		assertThat(s.getByTestId("task-status").textContent()).isEqualTo("待整改");
		s.locator("#outcome-RECTIFIED").check();
		s.locator("#note").fill("已调整制卡流程，指定专人跟踪进度。");
		s.getByTestId("step-submit").click();
		assertThat(s.getByTestId("task-status").textContent()).isEqualTo("待回访");
		s.locator("#note").fill("申请人表示认可整改措施。");
		s.getByTestId("step-submit").click();
		assertThat(s.getByTestId("task-status").textContent()).isEqualTo("已办结");
		Accessibility.check(s);
		Map<String, Object> rectified = total();
		assertThat(n(rectified, "rectifyDone")).isEqualTo(n(before, "rectifyDone") + 1);
		assertThat(n(rectified, "rectifyOnTime")).isEqualTo(n(before, "rectifyOnTime") + 1);
		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'RATING_REVISITED'").param(citizen.id())
			.query(Long.class).single()).isEqualTo(1);

		// the citizen rates once more; the new rating replaces the bad one
		p.navigate(base() + "/cases/" + id + "/rating");
		p.locator("#level-SATISFIED").check();
		p.getByTestId("submit-rating").click();
		assertThat(p.getByTestId("rating-2").textContent()).contains("满意");
		assertThat(p.getByTestId("rating-1").textContent()).contains("已被重新评价替代");
		assertThat(p.getByTestId("rated-once").isVisible()).isTrue();
		Map<String, Object> after = total();
		assertThat(n(after, "bad")).isEqualTo(n(before, "bad"));
		assertThat(n(after, "good")).isEqualTo(n(before, "good") + 1);
		assertThat(n(after, "activeGood")).isEqualTo(n(before, "activeGood") + 1);
		assertThat(n(after, "ratings")).isEqualTo(n(before, "ratings") + 1);
		assertThat(n(after, "rectifyOnTime")).isEqualTo(n(before, "rectifyOnTime") + 1);
		assertThat(jdbc.sql("select count(*) from feedback_rating where case_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
		p.context().close();
		s.context().close();
	}

	/** On the pages: a case not yet concluded offers no rating form; another person's case is a 404 (existence not revealed). */
	@Test
	void notConcludedAndNotOwnCasesOnThePages() {
		Citizen owner = newCitizen("未办结申请人", 2);
		CaseId pending = TestCases.submittedSocialSecurityCard(applying, owner);
		Page p = citizenPage(owner);
		p.navigate(base() + "/cases/" + pending + "/rating");
		assertThat(p.getByTestId("not-concluded").isVisible()).isTrue();
		assertThat(p.getByTestId("rating-form").count()).isZero();
		Accessibility.check(p);
		p.context().close();

		Citizen stranger = newCitizen("旁人", 2);
		Page q = citizenPage(stranger);
		assertThat(q.navigate(base() + "/cases/" + pending + "/rating").status()).isEqualTo(404);
		assertThat(q.navigate(base() + "/cases/" + UUID.randomUUID() + "/rating").status()).isEqualTo(404);
		q.context().close();
	}
}
