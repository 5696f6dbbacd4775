package tongban.insight.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.exchange.internal.RecordedReads;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * In Chromium: a staff member reads a citizen's data at 02:00 and 23:00; a clerk reads the same citizen at 10:00 for
 * their department's case. The region's supervisor checks that day (a day in the future refused at the field), finds
 * the night reader and not the clerk, looks at the evidence (the citizen shown by pseudonym), confirms it with a reason
 * (refused without one), and the citizen sees the confirmation beside those two reads on 谁查询了我的数据, and not beside
 * the clerk's.
 */
class NightReaderJourneyIT extends JourneyTest {

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	static Instant at(LocalDate day, int hour) {
		return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(Clocks.ZONE).toInstant();
	}

	@Test
	void aNightReaderIsConfirmedAndTheCitizenSeesItAClerkIsNotFlagged() {
		LocalDate day = LocalDate.of(2025, 6, 13);
		RecordedReads reads = new RecordedReads(jdbc, keys);
		Citizen citizen = newCitizen("王被读", 2);
		String night = UUID.randomUUID().toString();
		long early = reads.staffRead(at(day, 2), citizen.idNumber(), "XH-SCJG", night, "夏夜读", "N" + System.nanoTime(), "SERVED");
		long late = reads.staffRead(at(day, 23), citizen.idNumber(), "XH-SCJG", night, "夏夜读", "N" + System.nanoTime(), "SERVED");
		CaseId own = TestCases.submittedSocialSecurityCard(applying, citizen);
		long clerkRead = reads.staffRead(at(day, 10), citizen.idNumber(), "XH-RLSB", UUID.randomUUID().toString(), "白日清",
				cases.forStaff(own).orElseThrow().caseNumber(), "SERVED");

		Staff supervisor = newStaff("XH-ZWFW", Role.SUPERVISOR, "严核查");
		page.close();
		page = staffPage(supervisor);
		page.navigate(base() + "/workbench");
		page.getByTestId("anomalies-link").click();
		page.locator("#day").fill(LocalDate.now(Clocks.ZONE).plusDays(2).toString());
		page.getByTestId("scan").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("核查日期不能晚于今天");
		assertThat(page.title()).startsWith("错误：");
		page.locator("#day").fill(day.toString());
		page.getByTestId("scan").click();
		assertThat(page.getByTestId("scan-result").innerText()).contains(day.toString());
		String hits = page.getByTestId("hits").innerText();
		assertThat(hits).contains("夏夜读").contains("工作时间以外查询").doesNotContain("白日清");
		accessible();

		String hitId = jdbc.sql("select id::text from insight_anomaly_hit where staff_id = ? and rule = 'OFF_HOURS'").param(night).query(String.class).single();
		page.getByTestId("hit-" + hitId).locator("a").click();
		assertThat(page.getByTestId("figures").innerText()).contains("2 次在工作时间以外");
		String evidence = page.getByTestId("evidence").innerText();
		assertThat(evidence).contains("2025-06-13 02:00").contains("2025-06-13 23:00").contains("夏夜读")
			.contains(AnomalyReviews.pseudonym(keys.blindIndex(citizen.idNumber()))).doesNotContain(citizen.idNumber()).doesNotContain("王被读");
		page.getByTestId("decide").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请选择确认异常或排除");
		page.locator("#decision-confirm").check();
		page.getByTestId("decide").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请填写理由");
		page.locator("#decision-confirm").check();
		page.locator("#reason").fill("深夜查询无办件，已约谈并收回查询权限");
		page.getByTestId("decide").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已确认异常");
		assertThat(page.getByTestId("status").innerText()).isEqualTo("已确认异常");
		accessible();

		Page mine = citizenPage(citizen);
		mine.navigate(base() + "/account/data-access");
		assertThat(mine.getByTestId("read-" + early).innerText()).contains("经核查，此次查询存在异常，已处理");
		assertThat(mine.getByTestId("read-" + late).innerText()).contains("经核查，此次查询存在异常，已处理");
		assertThat(mine.getByTestId("read-" + clerkRead).innerText()).doesNotContain("经核查");
		mine.context().close();
	}
}
