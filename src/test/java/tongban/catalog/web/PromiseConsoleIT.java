package tongban.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * The 告知承诺 page of the item console: the department admin of 公共场所卫生许可 (区卫生健康局) sees the demo wording,
 * is told at each field what is wrong (nothing saved), saves a new rate without a new version and a new wording with
 * one; another department's admin gets 404; the guide says the item takes promises and names what they replace.
 */
class PromiseConsoleIT extends IntegrationTest {

	static final String ITEM = "330106-XK-0007-01";

	@Autowired
	ItemPromises promises;

	@Test
	void theDepartmentAdminKeepsThePromiseOfTheirItem() {
		ItemPromise before = promises.find(ITEM).orElseThrow();
		FormSession admin = FormSession.staff(url(""), newStaff("XH-WJ", Role.DEPT_ADMIN, "卫健管理员"));
		String path = "/console/items/" + ITEM + "/promise";
		var page = admin.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("公共场所卫生检测或者评价报告").contains("不实承诺的后果");

		var refused = admin.post(path, "text", " ", "samplePercent", "120", "checkDays", "abc", "active", "1");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-testid=\"error-summary\"").contains("href=\"#text\"").contains("href=\"#replaced\"")
			.contains("抽查比例请填写 0 至 100 之间的整数").contains("核查期限请填写 1 至 60 之间的工作日数").contains("id=\"checkDays-error\"");
		assertThat(promises.find(ITEM).orElseThrow()).as("nothing saved").isEqualTo(before);
		assertThat(admin.post(path, "text", before.text(), "replaced", "不在清单里的材料", "samplePercent", "20", "checkDays", "20",
				"active", "1").body()).contains("所选材料不在本事项的材料清单中");

		assertThat(admin.post(path, "text", before.text(), "replaced", before.replaced().getFirst(), "samplePercent", "35", "checkDays", "10",
				"active", "1").statusCode()).isEqualTo(302);
		ItemPromise rate = promises.find(ITEM).orElseThrow();
		assertThat(rate.samplePercent()).isEqualTo(35);
		assertThat(rate.checkDays()).isEqualTo(10);
		assertThat(rate.version()).as("the same wording keeps its version").isEqualTo(before.version());
		assertThat(admin.post(path, "text", before.text() + "\n六、其他：核查时请配合提供检测报告原件。", "replaced", before.replaced().getFirst(),
				"samplePercent", "35", "checkDays", "10", "active", "1").statusCode()).isEqualTo(302);
		assertThat(promises.find(ITEM).orElseThrow().version()).as("a new wording is a new version").isEqualTo(before.version() + 1);
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and detail like '告知承诺%'").param("item:" + ITEM)
			.query(Long.class).single()).isGreaterThanOrEqualTo(2);

		assertThat(new FormSession(url("")).get("/items/" + ITEM).body()).contains("可告知承诺办理").contains("公共场所卫生检测或者评价报告");

		FormSession market = FormSession.staff(url(""), newStaff("XH-SCJG", Role.DEPT_ADMIN, "市监管理员"));
		assertThat(market.get(path).statusCode()).isEqualTo(404);
		assertThat(market.post(path, "text", "改写", "replaced", before.replaced().getFirst(), "samplePercent", "0", "checkDays", "1")
			.statusCode()).isEqualTo(404);
		assertThat(promises.find(ITEM).orElseThrow().samplePercent()).isEqualTo(35);
	}
}
