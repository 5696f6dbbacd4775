package tongban.proactive.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import tongban.support.JourneyTest;
import tongban.support.pages.AccountPage;

/**
 * The demo agent 李娜, acting for 杭州西湖示范餐饮有限公司 (a small restaurant of 西湖区 in the demo business register),
 * finds the support policies matched to the company on the company account, each with why it matched in plain words;
 * not the R&D deduction (information technology only) nor the 2024 稳岗返还 (expired). Acting for herself the page is
 * not found.
 */
class CompanyPoliciesJourneyIT extends JourneyTest {

	@Test
	void theAgentSeesTheCompanysPoliciesWithReasons() {
		login().open().signIn("330106199208080021", "Tongban@2026");
		page.navigate(base() + "/business/policies");
		assertThat(page.title()).contains("页面不存在");

		var account = new AccountPage(page, base()).open();
		account.actFor("杭州西湖示范餐饮有限公司");
		page.getByTestId("company-policies-link").click();
		// the demo policies are matched right after start-up, in the background
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			page.reload();
			return page.locator("[data-testid^=matched-]").count() == 4;
		});
		String shown = page.locator("main").innerText();
		assertThat(shown).contains("杭州西湖示范餐饮有限公司", "小型微利企业“六税两费”减半征收", "小型微利企业所得税优惠", "增值税小规模纳税人减免增值税",
				"促进餐饮业高质量发展", "市场主体登记信息的企业规模 小型：属于 小型、微型（成立）", "免申即享，无需申请")
			.doesNotContain("研发费用税前加计扣除", "稳岗返还");
		accessible();

		page.getByText("促进餐饮业高质量发展").click();
		assertThat(page.getByTestId("policy-title").innerText()).isEqualTo("促进餐饮业高质量发展");
		assertThat(page.getByTestId("reasons").innerText()).contains("市场主体登记信息的行业代码 H6210：以…开头 H62（成立）");
		assertThat(page.locator("main").innerText()).contains("商服贸发〔2024〕46号", "在线办理“食品经营许可（变更）”");
		accessible();

		// on a phone the reasons are readable without scrolling sideways
		page.setViewportSize(360, 800);
		page.reload();
		assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "company-policy-360.png")).setFullPage(true));
		assertThat(List.of(page.getByTestId("reasons").innerText().split("\n"))).hasSize(2);
	}
}
