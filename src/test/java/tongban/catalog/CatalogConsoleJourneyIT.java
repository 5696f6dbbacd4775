package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A department admin creates an item, is stopped by the publishing gate, fixes it and submits; a platform admin
 * publishes it and search finds it at once. Other departments cannot see it; a stale form is refused.
 */
class CatalogConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	CatalogSearch search;

	private Staff staff(Role role, String departmentCode) {
		var dep = directory.departmentByCode(departmentCode).orElseThrow();
		return newStaff(dep.code(), role, "管理员" + departmentCode.substring(3));
	}

	private void signIn(Staff a) {
		login().open().signIn(a.username(), a.password()).totp(a.totpCode());
	}

	@Test
	void createStoppedByTheGateFixSubmitPublishAndFind() {
		String code = "330106-GG-T" + System.nanoTime() % 100000 + "-01";
		String name = "老年人优待证办理" + System.nanoTime() % 1000;
		Staff deptAdmin = staff(Role.DEPT_ADMIN, "XH-MZ");
		signIn(deptAdmin);
		page.navigate(base() + "/console/items");
		accessible();
		page.getByTestId("new-item").click();
		page.locator("#code").fill(code);
		page.locator("#name").fill(name);
		page.locator("#type").selectOption("GG");
		page.locator("#requiredVisits").fill("1");
		page.locator("#onlineDepth").fill("3");
		page.locator("#resultName").fill("优待证");
		page.locator("#resultType").selectOption("CERTIFICATE");
		page.locator("#consultPhone").fill("0571-87000000");
		page.locator("#materials").fill("居民身份证 | ELECTRONIC | REQUIRED | 0 | GOVERNMENT | 公安机关核发 | 居民身份证 | 有效期内\n一寸照片 | PAPER | REQUIRED | 1 | APPLICANT |  |  | 近期免冠");
		page.getByTestId("save-item").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已保存");
		accessible();

		page.getByTestId("submit-item").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("到现场次数大于 0 时须说明到现场原因");
		assertThat(page.locator("#visitReason-error").innerText()).contains("须说明到现场原因");
		assertThat(page.getByTestId("open-status").innerText()).as("still a draft").contains("草稿");
		assertThat(search.search(name, null, null, null, 100).hits()).as("nothing published")
			.noneMatch(h -> h.code().equals(code));

		page.locator("#visitReason").fill("需现场采集照片");
		page.getByTestId("submit-item").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已提交审核");
		assertThat(page.getByTestId("audit").innerText()).contains("提交审核").contains("visitReason");
		header().signOut();

		Staff other = staff(Role.DEPT_ADMIN, "XH-SCJG");
		signIn(other);
		var r = page.navigate(base() + "/console/items/" + code);
		assertThat(r.status()).as("another department's item").isEqualTo(404);
		header().signOut();

		Staff platform = staff(Role.PLATFORM_ADMIN, "XH-ZWFW");
		signIn(platform);
		page.navigate(base() + "/console/items");
		assertThat(page.getByTestId("console-items").innerText()).contains(name).contains("待审核");
		page.navigate(base() + "/console/items/" + code);
		page.getByTestId("publish-item").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已发布");
		accessible();

		page.navigate(base() + "/search?q=" + name);
		assertThat(page.getByTestId("search-results").innerText()).as("found by search at once").contains(name);
		page.navigate(base() + "/items/" + code);
		assertThat(page.getByTestId("guide-title").innerText()).isEqualTo(name);
		assertThat(page.getByTestId("materials").innerText()).contains("一寸照片");

		// the platform admin withdraws it: a reason is required, then it leaves the portal and search at once
		page.navigate(base() + "/console/items/" + code);
		page.locator("details.withdraw summary").click();
		page.getByTestId("withdraw-item").click();
		assertThat(page.getByTestId("withdraw-errors").innerText()).contains("请填写停止办理的原因");
		assertThat(page.navigate(base() + "/items/" + code).status()).as("still published").isEqualTo(200);
		page.navigate(base() + "/console/items/" + code);
		page.locator("details.withdraw summary").click();
		page.locator("#reason").fill("依据区政府文件，并入老年人优待服务事项");
		page.getByTestId("withdraw-item").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已停止办理");
		assertThat(page.getByTestId("audit").innerText()).contains("停止办理").contains("并入老年人优待服务事项");
		assertThat(page.navigate(base() + "/items/" + code).status()).isEqualTo(404);
		page.navigate(base() + "/search?q=" + name);
		assertThat(page.getByTestId("search-results").innerText()).doesNotContain(name);
	}

	@Test
	void theSecondOfTwoConcurrentSavesIsRefused() {
		String code = "330106-GG-C" + System.nanoTime() % 100000 + "-01";
		Staff deptAdmin = staff(Role.DEPT_ADMIN, "XH-MZ");
		signIn(deptAdmin);
		page.navigate(base() + "/console/items/new");
		page.locator("#code").fill(code);
		page.locator("#name").fill("并发测试事项");
		page.locator("#resultName").fill("结果");
		page.locator("#consultPhone").fill("0571-87000001");
		page.getByTestId("save-item").click();

		var second = context.newPage();
		second.navigate(base() + "/console/items/" + code);
		page.locator("#name").fill("第一个人的修改");
		page.getByTestId("save-item").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已保存");

		second.locator("#name").fill("第二个人的修改");
		second.getByTestId("save-item").click();
		assertThat(second.getByTestId("error-summary").innerText()).contains("已被他人修改");
		page.navigate(base() + "/console/items/" + code);
		assertThat(page.locator("#name").inputValue()).as("nothing silently overwritten").isEqualTo("第一个人的修改");
	}

	/** The flag turns on past 180 days and not before: one item a day over the line, a control item a day short of it. */
	@Test
	void itemsNotReviewedFor180DaysAreListedAsStale() {
		List<String> codes = jdbc.sql("select code from catalog_item where department_code = 'XH-WJ' order by code limit 2").query(String.class).list();
		assertThat(codes).hasSize(2);
		String over = codes.get(0);
		String under = codes.get(1);
		jdbc.sql("update catalog_item set reviewed_at = now() - interval '181 days' where code = ?").param(over).update();
		jdbc.sql("update catalog_item set reviewed_at = now() - interval '179 days' where code = ?").param(under).update();
		signIn(staff(Role.DEPT_ADMIN, "XH-WJ"));
		page.navigate(base() + "/console/items");
		var items = page.getByTestId("console-items");
		var overRow = items.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(over));
		var underRow = items.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(under));
		assertThat(overRow.count()).isEqualTo(1);
		assertThat(underRow.count()).isEqualTo(1);
		assertThat(overRow.innerText()).contains("超过 180 天未复核");
		assertThat(underRow.innerText()).as("179 days is not yet stale").doesNotContain("未复核");
		assertThat(items.innerText()).as("only its own department").doesNotContain("330106-XK-0001-01");
	}
}
