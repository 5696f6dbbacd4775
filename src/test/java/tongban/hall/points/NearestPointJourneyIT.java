package tongban.hall.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.WorkingCalendars;
import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * An elderly person on a 360 px phone reads the guide of 高龄津贴申领, asks where to go, chooses their township (no
 * JavaScript position needed), and opens the nearest 便民服务中心's page: open now, its week, the window serving the item.
 */
class NearestPointJourneyIT extends JourneyTest {

	@Autowired
	WorkingCalendars calendars;

	@Test
	void aPersonFindsTheNearestPointForTheElderlyAllowanceByTownship() {
		LocalDate day = LocalDate.of(2026, 12, 14);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		BrowserContext phone = Browser.newContext(360, 740);
		try {
			page = phone.newPage(); // the base class checks accessibility of `page`: the phone's from here on
			page.setDefaultTimeout(15_000);
			page.navigate(base() + "/items/" + ServicePointsIT.ELDERLY_ALLOWANCE);
			assertThat(page.getByTestId("handling-places").innerText()).contains("北山街道便民服务中心");
			page.getByTestId("handling-nearest").click();
			page.waitForLoadState();
			assertThat(page.locator("h1").innerText()).isEqualTo("哪里能办：高龄津贴申领");
			fitsThePhone();
			accessible();

			page.locator("#township").selectOption(new SelectOption().setLabel("北山街道"));
			page.getByTestId("find-township").click();
			page.waitForLoadState();
			Locator nearest = page.getByTestId("nearest");
			assertThat(nearest.locator("h2").innerText()).contains("北山街道");
			assertThat(nearest.getByTestId("point").first().getAttribute("data-code")).isEqualTo("XH-BM-BS");
			assertThat(nearest.getByTestId("point-status").first().innerText()).contains("正在办公");
			assertThat(page.getByTestId("find-township").boundingBox().height).as("a big target").isGreaterThanOrEqualTo(40);
			fitsThePhone();
			accessible();

			nearest.locator("a", new Locator.LocatorOptions().setHasText("北山街道便民服务中心")).first().click();
			page.waitForLoadState();
			assertThat(page.getByTestId("point-name").innerText()).isEqualTo("北山街道便民服务中心");
			assertThat(page.getByTestId("point-address").innerText()).contains("北山街道");
			assertThat(page.getByTestId("point-coordinates").innerText()).contains("30.2621", "120.1468");
			assertThat(page.getByTestId("week").locator("tbody tr").count()).isEqualTo(7);
			assertThat(page.getByTestId("window").first().innerText()).contains("高龄津贴申领", "A");
			fitsThePhone();
			accessible();
		}
		finally {
			phone.close();
		}
	}

	private void fitsThePhone() {
		assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
	}
}
