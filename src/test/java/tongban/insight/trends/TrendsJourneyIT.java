package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.hotline.TicketIntake;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * A supervisor of 西湖区 sees the noise-complaint surge of 蒋村街道 on the trends page with the tickets behind it
 * (masked), and the forecast page shows each forecast's backtest error (MAPE) beside it.
 */
class TrendsJourneyIT extends JourneyTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TopicAlerts alerts;

	@Autowired
	TopicWatch watch;

	@Autowired
	Applying applying;

	@Test
	void theSurgeAlertAndTheForecastsBacktestErrorAreShown() {
		List<String> numbers = NoiseSurge.submit(intake, 12);
		// the minute's pass over the townships the listener noted, run here at once
		await().atMost(Duration.ofSeconds(30))
			.until(() -> {
				watch.scanPending();
				return alerts.since(NoiseSurge.TOWNSHIP, LocalDate.now(Clocks.ZONE).minusDays(7))
					.stream()
					.filter(a -> a.category() && a.topic().equals(NoiseSurge.CATEGORY))
					.anyMatch(a -> alerts.tickets(a.id()).stream().map(TopicAlerts.AlertTicket::ticketNumber).toList().containsAll(numbers));
			});
		// twelve weeks of 社会保障卡申领 history, one case a week (submitted on the Wednesday of each past week)
		var citizen = newCitizen("周预测", 2);
		LocalDate monday = LocalDate.now(Clocks.ZONE).with(DayOfWeek.MONDAY);
		for (int back = 1; back <= 12; back++) {
			CaseId id = TestCases.submittedSocialSecurityCard(applying, citizen);
			jdbc.sql("update casework_case set submitted_at = ? where id = ?")
				.params(monday.minusWeeks(back).plusDays(2).atTime(LocalTime.of(10, 0)).atZone(Clocks.ZONE).toOffsetDateTime(), id.value())
				.update();
		}
		People.Staff supervisor = people.staff("XH-ZWFW", "330106", EnumSet.of(Role.SUPERVISOR), "督查员");
		Page page = staffPage(supervisor);

		page.navigate(base() + "/workbench/trends");
		Locator alert = page.getByTestId("alert-" + NoiseSurge.CATEGORY + "-" + NoiseSurge.TOWNSHIP);
		assertThat(alert.innerText()).contains("施工噪声").contains("蒋村街道");
		alert.getByRole(AriaRole.LINK).click();
		String tickets = page.getByTestId("alert-tickets").innerText();
		assertThat(tickets).contains(numbers.getFirst()).contains(numbers.getLast()).contains("施工噪声").contains("******");
		assertThat(tickets).doesNotContain("13812345678");

		page.navigate(base() + "/workbench/trends/forecasts");
		Locator forecast = page.getByTestId("forecast-items").getByTestId("forecast-" + ApplyOnlineJourneyIT.ITEM);
		assertThat(forecast.getByTestId("forecast-values").innerText()).matches("\\d+( / \\d+){7}");
		assertThat(forecast.getByTestId("forecast-mape").innerText()).matches("\\d+(\\.\\d)?%（\\d 周）");

		// the weekly report of this week counts the surge; a week not yet begun is refused at the field
		page.navigate(base() + "/workbench/trends/weekly");
		assertThat(page.getByTestId("weekly-categories").innerText()).contains("施工噪声");
		assertThat(page.getByTestId("weekly-surges").innerText()).contains("施工噪声").contains("蒋村街道");
		page.locator("#week").fill("2999-W01");
		page.getByTestId("weekly-apply").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("不能查看尚未开始的周");
		assertThat(page.locator("#week-error").innerText()).contains("不能查看尚未开始的周");
		assertThat(page.title()).startsWith("错误");

		// business trends: last month's planted rise in restaurant closures in 古荡街道 is flagged
		page.navigate(base() + "/workbench/trends/business");
		assertThat(page.getByTestId("business-warning").innerText()).contains("住宿和餐饮业").contains("古荡街道").contains("注销激增");
		page.locator("#month").fill("2026-13");
		page.getByTestId("business-apply").click();
		assertThat(page.locator("#month-error").innerText()).contains("2026-11");

		// on a 360 px phone the pages fit the screen (tables become cards or scroll inside their region)
		page.setViewportSize(360, 740);
		for (String path : List.of("/workbench/trends", "/workbench/trends/weekly", "/workbench/trends/forecasts", "/workbench/trends/business")) {
			page.navigate(base() + path);
			assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as(path).isEqualTo(true);
		}

		// an alert that does not exist is not found
		assertThat(page.navigate(base() + "/workbench/trends/alerts/" + UUID.randomUUID()).status()).isEqualTo(404);
	}
}
