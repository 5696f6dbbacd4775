package tongban.insight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.feedback.Concluded;
import tongban.identity.Role;
import tongban.insight.Measure;
import tongban.insight.internal.DailyMeasures;
import tongban.shared.Clocks;
import tongban.support.Accessibility;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.People;

/**
 * A district's supervisor on a 360 px phone opens the dashboard from the workbench, drills down from the district's
 * departments to 区人力社保局's 社会保障卡申领 and finds the case concluded today among its cases; no page scrolls sideways.
 */
class DashboardJourneyIT extends JourneyTest {

	static final String ITEM = "330106-GG-0001-01";

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	DailyMeasures daily;

	@Test
	void aSupervisorDrillsDownToAnItemsCasesOnAPhone() {
		Citizen citizen = newCitizen("看板测试", 2);
		UUID id = Concluded.socialSecurityCard(applying, cases, approval, citizen);
		String number = cases.forStaff(CaseId.of(id)).orElseThrow().caseNumber();
		// the figures the insight listeners count for that conclusion (not part of this branch): one concluded, on time
		LocalDate today = LocalDate.now(Clocks.ZONE);
		daily.add(today, Concluded.DEPARTMENT, "330106", ITEM, Measure.CASES_CONCLUDED, 1);
		daily.add(today, Concluded.DEPARTMENT, "330106", ITEM, Measure.CASES_ON_TIME, 1);

		People.Staff supervisor = newStaff("XH-ZWFW", "330106", Role.SUPERVISOR, "看板督查员");
		BrowserContext phone = Browser.newContext(360, 740);
		try {
			Page p = phone.newPage();
			p.setDefaultTimeout(15_000);
			p.navigate(base() + "/login");
			p.locator("#username").fill(supervisor.username());
			p.locator("#password").fill(supervisor.password());
			p.locator("#password").press("Enter");
			p.locator("#code").fill(supervisor.totpCode());
			p.locator("#code").press("Enter");
			p.navigate(base() + "/workbench");
			p.getByTestId("insight-link").click();
			p.getByTestId("insight-breakdown").waitFor();
			assertThat(p.locator("h1").innerText()).isEqualTo("效能看板");
			noSidewaysScroll(p);
			Accessibility.check(p);

			p.getByTestId("drill-" + Concluded.DEPARTMENT).click();
			assertThat(p.getByTestId("insight-trail").innerText()).contains("人力");
			noSidewaysScroll(p);

			p.getByTestId("drill-" + ITEM).click();
			assertThat(p.getByTestId("insight-trail").innerText()).contains("社会保障卡申领");
			assertThat(p.locator("tr[data-case='" + number + "']").innerText()).contains(number).contains("看*");
			assertThat(p.locator("[data-testid='insight-totals'] tr[data-indicator='on-time-rate']").innerText()).contains("100.00%");
			assertThat(p.locator(".insight-chart-drawn").count()).as("the charts are drawn beside the tables").isGreaterThan(0);
			noSidewaysScroll(p);
			Accessibility.check(p);
		}
		finally {
			phone.close();
		}
	}

	private static void noSidewaysScroll(Page p) {
		assertThat((Boolean) p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no horizontal scroll at 360 px on " + p.url()).isTrue();
	}
}
