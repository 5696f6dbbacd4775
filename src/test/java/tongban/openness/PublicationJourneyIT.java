package tongban.openness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People;

/**
 * A policy from draft to repeal in Chromium: the department's editor drafts a policy governing 食品经营许可（新办） and an
 * interpretation of it; the reviewer's 保密审查 publishes both (refused to the editor, who wrote them); the policy shows
 * on the department's 政务公开 page, in its feed, in site-wide search and under 相关政策 on the guide page; the editor
 * proposes the repeal, the reviewer passes it, the policy's page says 已废止 and search no longer finds it.
 */
class PublicationJourneyIT extends JourneyTest {

	private static final String ITEM = "330106-XK-0001-01";

	@Test
	void aPolicyIsDraftedReviewedPublishedAndRepealed() {
		People.Staff editor = people.staff("XH-SCJG", null, EnumSet.of(Role.INFO_EDITOR, Role.INFO_REVIEWER), "何测试");
		People.Staff reviewer = newStaff("XH-SCJG", Role.INFO_REVIEWER, "许测试");
		String title = "西湖区食品经营许可告知承诺实施办法" + UUID.randomUUID().toString().substring(0, 6);

		Page ed = staffPage(editor);
		ed.navigate(base() + "/workbench/publications");
		ed.getByTestId("new-policy").click();
		ed.locator("#title").fill(title);
		ed.locator("#docNumber").fill("西市监〔2026〕7号");
		ed.locator("#writtenOn").fill("2026-11-20");
		ed.locator("#publishedOn").fill("2026-11-10");
		ed.locator("#topic").selectOption("市场监管、安全生产监管");
		ed.locator("#items").fill(ITEM);
		ed.locator("#body").fill("第一条 为推进食品经营许可告知承诺制，制定本办法。\n\n第二条 本办法自发布之日起施行。");
		ed.getByTestId("save").click();
		assertThat(ed.getByTestId("error-summary")).containsText("发布日期不能早于成文日期");
		assertThat(ed.locator("#title")).hasValue(title);
		ed.locator("#publishedOn").fill("2026-11-25");
		ed.locator("#summary").fill("申请人书面承诺符合条件的，当场发证。");
		ed.getByTestId("save").click();
		assertThat(ed.getByTestId("banner")).containsText("草稿已保存");
		String policyPath = ed.url().replace(base() + "/workbench/publications/", "/policies/");
		ed.getByTestId("submit-review").click();
		assertThat(ed.getByTestId("revision-status")).containsText("待保密审查");
		// the editor holds the reviewer's role too, but never reviews what they wrote
		assertThat(ed.getByTestId("review")).hasCount(0);

		Page rv = staffPage(reviewer);
		rv.navigate(base() + "/workbench");
		rv.getByTestId("publications-link").click();
		rv.getByTestId("review-queue").getByText(title).click();
		rv.getByTestId("approve").click();
		assertThat(rv.getByTestId("banner")).containsText("已发布");

		// the interpretation of it
		ed.navigate(base() + "/workbench/publications/new?kind=INTERPRETATION");
		ed.locator("#title").fill("问答：" + title);
		ed.locator("#publishedOn").fill("2026-11-26");
		ed.locator("#policyId").selectOption(policyPath.substring("/policies/".length()));
		ed.locator("#form").selectOption("QA");
		ed.locator("#questions").fill("承诺后多久能拿到许可证？\n材料齐全的当场发证。");
		ed.getByTestId("save").click();
		ed.getByTestId("submit-review").click();
		rv.navigate(base() + "/workbench/publications");
		rv.getByTestId("review-queue").getByText("问答：" + title).click();
		rv.getByTestId("approve").click();
		assertThat(rv.getByTestId("banner")).containsText("已发布");

		page.navigate(base() + "/openness/XH-SCJG");
		assertThat(page.getByTestId("latest-policy")).containsText(title);
		accessible();
		page.navigate(base() + policyPath);
		assertThat(page.getByTestId("interpretations")).containsText("问答：" + title);
		assertThat(page.getByTestId("related-items")).containsText("食品经营许可");
		accessible();
		page.getByTestId("interpretations").getByText("问答：" + title).click();
		assertThat(page.getByTestId("questions")).containsText("承诺后多久能拿到许可证？");
		String feed = page.request().get(base() + "/feeds/departments/XH-SCJG.rss").text();
		assertThat(feed).contains(title);
		page.navigate(base() + "/items/" + ITEM);
		assertThat(page.getByTestId("related-policies")).containsText(title);
		assertThat(page.getByTestId("related-policies")).containsText("有效");
		// site-wide search finds it, by a word of its title, once the index has taken the published event
		String searchPath = "/search?kind=POLICY&q=" + title.substring(0, title.length() - 6);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			page.navigate(base() + searchPath);
			assertThat(page.getByTestId("search-content").locator("a[href='" + policyPath + "']")).hasCount(1);
		});

		// the repeal, through the review
		ed.navigate(base() + "/workbench/publications/" + policyPath.substring("/policies/".length()));
		ed.getByTestId("change-validity").click();
		ed.locator("#validity-AMENDED").check();
		ed.getByTestId("propose-validity").click();
		assertThat(ed.getByTestId("error-summary")).containsText("请填写替代本文件的文件");
		ed.locator("#validity-REPEALED").check();
		ed.locator("#on").fill("2026-12-01");
		ed.getByTestId("propose-validity").click();
		assertThat(ed.getByTestId("banner")).containsText("时效变更已提交保密审查");
		page.navigate(base() + policyPath);
		assertThat(page.getByTestId("validity")).containsText("有效");

		rv.navigate(base() + "/workbench/publications/" + policyPath.substring("/policies/".length()) + "/review");
		rv.getByTestId("approve").click();
		page.navigate(base() + policyPath);
		assertThat(page.getByTestId("validity-banner")).containsText("本文件已废止");
		assertThat(page.getByTestId("validity")).containsText("已废止");
		page.navigate(base() + "/items/" + ITEM);
		assertThat(page.getByTestId("related-policies")).containsText("已废止");
		// a repealed policy is gone from search at once
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			page.navigate(base() + searchPath);
			assertThat(page.locator("a[href='" + policyPath + "']")).hasCount(0);
		});
	}
}
