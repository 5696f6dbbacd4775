package tongban.hall.tutorials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * An elderly person on a 360 px phone opens the guide of 食品经营许可（新办）, follows its 图解 and sees every step's
 * picture loaded, as wide as the screen allows, with its text alternative; the page is accessible.
 */
class TutorialJourneyIT extends JourneyTest {

	@Test
	void aPersonFollowsThePictureTutorialFromTheGuideOnAPhone() {
		BrowserContext phone = Browser.newContext(360, 740);
		try {
			Page p = phone.newPage();
			p.navigate(base() + "/items/330106-XK-0001-01");
			assertThat(p.getByTestId("guide-tutorial").innerText()).contains("找到办事指南", "提交并查看进度");
			p.getByTestId("tutorial-link").click();
			p.waitForLoadState();
			assertThat(p.getByTestId("tutorial-title").innerText()).contains("食品经营许可（新办）");
			Locator steps = p.getByTestId("tutorial-step");
			assertThat(steps.count()).isEqualTo(5);
			assertThat(steps.first().locator("h2").innerText()).isEqualTo("第 1 步：找到办事指南");
			List<Locator> images = p.locator("img.tutorial-image").all();
			for (Locator image : images) {
				image.scrollIntoViewIfNeeded();
				assertThat(image.evaluate("e => e.complete && e.naturalWidth > 0")).as("picture loaded").isEqualTo(true);
				assertThat(image.getAttribute("alt")).as("text alternative").startsWith("示意图：第 ");
				double width = image.boundingBox().width;
				assertThat(width).as("as wide as the phone allows").isBetween(280.0, 360.0);
			}
			assertThat(p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
			double text = ((Number) p.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.tutorial-text')).fontSize)")).doubleValue();
			assertThat(text).as("large text").isGreaterThanOrEqualTo(19.0);
		}
		finally {
			phone.close();
		}
		page.navigate(base() + "/items/330106-QR-0002-01/tutorial");
		assertThat(page.getByTestId("tutorial-step").count()).isEqualTo(4);
		accessible();
	}
}
