package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseClock;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.casework.EventView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * The clock of an accepted case in the running product: a special procedure stops it (the applicant is told, the
 * workbench shows it stopped), its end moves the promised date by the working days stopped, one extension of at most
 * 10 working days with the head's approval moves it again; a second extension or 11 days are refused.
 */
class ClockJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	CaseClock caseClock;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	DirectoryManagement directory;

	@Test
	void specialProcedureAndExtension() {
		Citizen me = newCitizen("计时测试", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, me);

		var dep = directory.departmentByCode("XH-RLSB").orElseThrow();
		Staff staff = newStaff(dep.code(), Role.APPROVER, "计时审批员");
		login().open().signIn(staff.username(), staff.password()).totp(staff.totpCode());
		String number = cases.forStaff(id).orElseThrow().caseNumber();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			page.navigate(base() + "/workbench/tasks");
			return page.locator("tr[data-case='" + number + "']").count() > 0;
		});
		page.locator("tr[data-case='" + number + "'] a").click();
		page.locator("#decision-accept").check();
		page.getByTestId("complete-task").click();

		// accepted 12 working days ago, so the stop and the extension have something to move
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate accepted = today.minusDays(18);
		jdbc.sql("update casework_case set accepted_at = ?::date where id = ?").params(accepted, id.value()).update();
		var cal = calendars.current();
		assertThat(caseClock.clock(cases.forStaff(id).orElseThrow()).orElseThrow().due(cal, today)).isEqualTo(cal.addWorkingDays(accepted, 10));

		page.navigate(base() + "/workbench/tasks");
		page.locator("tr[data-case='" + number + "'] a").click();
		page.getByTestId("special-start").click();
		assertThat(page.getByTestId("clock-error").innerText()).contains("请选择特别程序的种类并写明原因");
		page.locator("#kind").selectOption("专家评审");
		page.locator("#special-text").fill("需组织专家评审照片与人像比对结果");
		page.getByTestId("special-start").click();
		assertThat(page.getByTestId("banner").innerText()).contains("期限暂停计算");
		accessible();
		page.navigate(base() + "/workbench/tasks");
		assertThat(page.locator("tr[data-case='" + number + "']").innerText()).contains("特别程序中，暂停计时");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from notification_message where account_id = ? and event = 'SPECIAL_PROCEDURE'").param(me.id())
			.query(Long.class).single() == 1);

		LocalDate stopped = today.minusDays(7);
		jdbc.sql("update casework_pause set started_on = ? where case_id = ?").params(stopped, id.value()).update();
		page.locator("tr[data-case='" + number + "'] a").click();
		page.locator("#special-result").fill("专家评审通过");
		page.getByTestId("special-end").click();
		LocalDate afterPause = cal.addWorkingDays(accepted, 10 + cal.workingDaysBetween(stopped, today));
		assertThat(promised(id)).as("moved by the working days stopped").isEqualTo(afterPause);

		page.locator("#ext-days").fill("11");
		page.locator("#ext-reason").fill("需现场核查");
		page.locator("#ext-head").fill("张局长");
		page.getByTestId("extend").click();
		assertThat(page.getByTestId("clock-error").innerText()).contains("1 到 10 个工作日");
		assertThat(promised(id)).isEqualTo(afterPause);
		page.locator("#ext-days").fill("10");
		page.locator("#ext-reason").fill("需现场核查");
		page.locator("#ext-head").fill("张局长");
		page.getByTestId("extend").click();
		assertThat(page.getByTestId("banner").innerText()).contains("期限已延长");
		assertThat(promised(id)).isEqualTo(cal.addWorkingDays(accepted, 20 + cal.workingDaysBetween(stopped, today)));
		assertThat(page.getByTestId("extend").count()).as("one extension only").isZero();
		assertThat(Assertions.catchThrowable(() -> caseClock.extend(id, "x", 1, "再延", "张局长")))
			.hasMessageContaining("extended already");
		assertThat(cases.forStaff(id).orElseThrow().events()).extracting(EventView::action)
			.containsSubsequence("ACCEPTED", "SPECIAL_STARTED", "SPECIAL_ENDED", "EXTENDED");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from notification_message where account_id = ? and event = 'CASE_EXTENDED'").param(me.id())
			.query(Long.class).single() == 1);
		String mobile = me.mobile();
		// text messages are queued with the change and sent just after it commits
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastSms(mobile)).contains("延长10个工作日"));
	}

	private LocalDate promised(CaseId id) {
		return jdbc.sql("select promised_date from casework_case where id = ?").param(id.value()).query(LocalDate.class).single();
	}

}
