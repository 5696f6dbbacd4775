package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

import tongban.support.Browser;
import tongban.support.JourneyTest;

/** A citizen finds a guide from the home page by theme, reads its materials, prints it; on a phone and in elder mode. */
class GuideJourneyIT extends JourneyTest {

	@Autowired
	CatalogManagement catalog;

	private String codeOf(String nameContains) {
		return catalog.browse(ItemFilter.any(), Pageable.ofSize(1000)).getContent().stream()
			.filter(i -> i.name().contains(nameContains)).findFirst().orElseThrow().code();
	}

	@Test
	void citizenReachesTheSocialSecurityCardGuideThroughItsTheme() {
		page.navigate(base() + "/");
		accessible();
		page.locator("a[href^='/themes/']", new com.microsoft.playwright.Page.LocatorOptions().setHasText("社会保障")).first().click();
		page.waitForLoadState();
		assertThat(page.locator("h1").innerText()).isEqualTo("社会保障");
		accessible();
		page.getByTestId("item-list").locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("社会保障卡")).first().click();
		page.waitForLoadState();
		assertThat(page.getByTestId("guide-title").innerText()).contains("社会保障卡");
		assertThat(page.getByTestId("materials").innerText()).contains("身份证");
		assertThat(page.locator("figure.qr img").count()).as("QR code of the page").isEqualTo(1);
		var qr = page.request().get(page.locator("figure.qr img").getAttribute("src").startsWith("http") ? page.locator("figure.qr img").getAttribute("src") : base() + page.locator("figure.qr img").getAttribute("src"));
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.text()).startsWith("<svg").contains("<path");
		assertThat(page.getByTestId("apply").getAttribute("href")).as("online application opens now that cases exist")
			.matches("/apply/330106-GG-0001-0[12]");
		accessible();
		page.getByText("打印办事指南").click();
		assertThat(page.locator("body").getAttribute("class")).contains("print");
	}

	@Test
	void theGuideIsUsableOnA360PxPhoneAndInElderMode() {
		String code = codeOf("食品经营许可");
		var phone = Browser.newContext(360, 740);
		try {
			var p = phone.newPage();
			p.navigate(base() + "/items/" + code);
			assertThat(p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			// the page's own QR code is for reading on a phone: hidden there, so 在线办理 is on the first screen
			assertThat(p.locator("figure.qr").isVisible()).as("QR code on a phone").isFalse();
			var apply = p.getByTestId("apply").boundingBox();
			assertThat(apply.y + apply.height).as("在线办理 above the fold").isLessThanOrEqualTo(740);
			// each material a card as wide as the screen, not five columns of one or two characters
			var material = p.getByTestId("material").first();
			assertThat(material.evaluate("e => getComputedStyle(e).display")).isEqualTo("block");
			assertThat(material.locator("td.material-name").boundingBox().width).isGreaterThan(250);
			assertThat(p.locator("[data-testid=materials] thead").boundingBox().height).as("headers only for screen readers").isLessThanOrEqualTo(1);
			assertThat(material.innerText()).doesNotContain("申请人自备：申请人自备");
			// 便民服务 badges only for what the platform does for this item: the hall books visits for it, but its form
			// offers no mailing, it has no fee and no kiosk files it
			assertThat(p.locator("[data-capability]").count()).isOne();
			assertThat(p.locator("[data-capability=APPOINTMENT]").getAttribute("href")).isEqualTo("/account/bookings/new?item=" + code);
			assertThat(p.locator("main").innerText()).doesNotContain("可快递送达", "可网上缴费", "可自助办理");
			double standard = ((Number) p.evaluate("() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")).doubleValue();
			double body = ((Number) p.evaluate("() => parseFloat(getComputedStyle(document.querySelector('p')).fontSize)")).doubleValue();
			p.getByTestId("elder-toggle").click();
			p.waitForLoadState();
			assertThat(p.locator("body").getAttribute("class")).contains("elder");
			assertThat(p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			double elder = ((Number) p.evaluate("() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")).doubleValue();
			double elderBody = ((Number) p.evaluate("() => parseFloat(getComputedStyle(document.querySelector('p')).fontSize)")).doubleValue();
			assertThat(elder).as("larger headings").isGreaterThanOrEqualTo(standard * 1.3);
			assertThat(elderBody).as("larger text, at least 20 px").isGreaterThanOrEqualTo(Math.max(20, body * 1.3));
			assertThat(p.getByTestId("materials").isVisible()).isTrue();
		}
		finally {
			phone.close();
		}
	}

	@Test
	void unknownItemIsA404Page() {
		var r = page.navigate(base() + "/items/NO-SUCH-ITEM");
		assertThat(r.status()).isEqualTo(404);
		assertThat(page.title()).contains("页面不存在");
	}

	@Test
	void citizenSearchesByInitialsThenWordsAndReachesTheCardGuide() {
		page.navigate(base() + "/");
		page.locator("#q").pressSequentially("sbk", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(50));
		page.getByTestId("suggestions").waitFor();
		assertThat(page.getByTestId("suggestions").innerText()).as("htmx suggestions while typing").contains("社会保障卡");
		page.locator("#q").fill("社保卡补办");
		page.locator("#q").press("Enter");
		page.waitForLoadState();
		assertThat(page.getByTestId("search-total").innerText()).contains("社保卡补办");
		accessible();
		page.getByTestId("search-results").locator("a").first().click();
		page.waitForLoadState();
		assertThat(page.getByTestId("guide-title").innerText()).contains("社会保障卡");
		assertThat(page.getByTestId("materials").innerText()).contains("居民身份证");
	}

	@Test
	void searchWithoutJavaScriptAndOddInputIsANormalPage() {
		var noJs = Browser.newContext(1280, 900);
		try {
			var p = noJs.newPage();
			p.navigate(base() + "/search?q=" + "社".repeat(10_000).substring(0, 2000));
			assertThat(p.title()).doesNotContain("错误").doesNotContain("问题");
			p.navigate(base() + "/search?q=%21%40%23%24%25");
			assertThat(p.locator("h1").innerText()).isEqualTo("站内搜索");
			p.navigate(base() + "/search?q=");
			assertThat(p.locator("h1").innerText()).isEqualTo("站内搜索");
		}
		finally {
			noJs.close();
		}
	}
}
