package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.validation.BeanPropertyBindingResult;

import tongban.catalog.internal.BundleEditing;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A platform admin defines a new 一件事 in the console: a faulty first try (no name, an unknown item, one item twice) is
 * refused at its fields with nothing saved; the corrected bundle shows its combined form, appears on the portal, and
 * disappears from it when retired, every step audited. Items whose forms disagree on a shared field cannot be bundled.
 * A department admin cannot reach the page.
 */
class BundleConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	BundleEditing editing;

	@Autowired
	CatalogManagement catalog;

	static final String CARD = "330106-GG-0001-01"; // 社会保障卡申领
	static final String INSURANCE = "330106-GG-0008-01"; // 城乡居民医保参保登记

	@Test
	void defineRetireAndSeeOnThePortal() {
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.PLATFORM_ADMIN, "组合管理员");
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());

		page.navigate(base() + "/workbench");
		page.getByTestId("console-bundles-link").click();
		assertThat(page.getByTestId("console-bundles").innerText()).contains("新生儿出生一件事").contains("XH-YJS-NEWBORN");
		accessible();

		String code = "xh-yjs-t" + System.nanoTime() % 100000;
		page.getByTestId("new-bundle").click();
		page.locator("#code").fill(code);
		page.locator("#description").fill("一次办好社保卡和医保参保。");
		page.locator("#items").fill(CARD + "\n330106-XX-9999-01\n" + CARD);
		page.getByTestId("save-bundle").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("请填写名称").contains("找不到已发布的事项 330106-XX-9999-01")
			.contains("事项 " + CARD + " 填了两次");
		assertThat(page.locator("#description").inputValue()).as("what was typed is kept").isEqualTo("一次办好社保卡和医保参保。");
		assertThat(editing.find(code.toUpperCase())).as("nothing saved").isEmpty();
		accessible();

		page.locator("#name").fill("参保办卡一件事");
		page.locator("#items").fill(CARD + "\n" + INSURANCE);
		page.getByTestId("save-bundle").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已保存");
		assertThat(page.getByTestId("bundle-code").innerText()).isEqualTo(code.toUpperCase());
		assertThat(page.getByTestId("bundle-items").innerText()).contains("社会保障卡申领").contains("城乡居民基本医疗保险参保登记");
		int combined = Bundle.combinedForm(List.of(catalog.published(CARD).orElseThrow().guide(), catalog.published(INSURANCE).orElseThrow().guide()))
			.fields().size();
		assertThat(page.getByTestId("bundle-savings").innerText()).contains("合并后的申请表有 " + combined + " 项");
		assertThat(page.getByTestId("bundle-audit").innerText()).contains("新建").contains("组合管理员");
		accessible();

		page.navigate(base() + "/bundles");
		assertThat(page.content()).contains("参保办卡一件事");

		page.navigate(base() + "/console/bundles/" + code.toUpperCase());
		page.getByTestId("bundle-status").click();
		assertThat(page.getByTestId("retired").innerText()).contains("已停用");
		assertThat(page.getByTestId("bundle-audit").innerText()).contains("停用");
		page.navigate(base() + "/bundles");
		assertThat(page.content()).doesNotContain("参保办卡一件事").contains("新生儿出生一件事");
		assertThat(page.navigate(base() + "/bundles/" + code.toUpperCase()).status()).isEqualTo(404);
	}

	@Test
	void formsThatDisagreeOnASharedFieldCannotBeBundled() {
		String a = "330106-GG-B" + System.nanoTime() % 10000 + "-01";
		String b = "330106-GG-C" + System.nanoTime() % 10000 + "-01";
		catalog.importPublished(PublishingGateTest.with("code", a, "name", "组合测试甲", "type", "GG", "department", "XH-MZ", "faq", List.of(), "form",
				Map.of("fields", List.of(Map.of("key", "household", "label", "户籍地", "type", "TEXT", "required", true)))), null, "测试");
		catalog.importPublished(PublishingGateTest.with("code", b, "name", "组合测试乙", "type", "GG", "department", "XH-MZ", "faq", List.of(), "form",
				Map.of("fields", List.of(Map.of("key", "household", "label", "户籍地", "type", "SELECT", "required", true,
						"options", List.of("本区", "外区"))))), null, "测试");
		var form = new BundleEditing.BundleForm();
		form.setCode("XH-CONFLICT-" + System.nanoTime() % 10000);
		form.setName("冲突测试");
		form.setDescription("两个事项对同一项的问法不同。");
		form.setItems(a + "\n" + b);
		var errors = new BeanPropertyBindingResult(form, "form");
		assertThat(editing.save(null, form, errors, "测试")).isEmpty();
		assertThat(errors.getFieldErrors("items")).extracting(e -> e.getCode()).containsExactly("bundle.error.fieldConflict");
		assertThat(editing.find(form.getCode())).isEmpty();
	}

	@Test
	void aDepartmentAdminCannotEditBundles() {
		var dep = directory.departmentByCode("XH-RLSB").orElseThrow();
		Staff deptAdmin = newStaff(dep.code(), Role.DEPT_ADMIN, "部门管理员");
		login().open().signIn(deptAdmin.username(), deptAdmin.password()).totp(deptAdmin.totpCode());
		assertThat(page.navigate(base() + "/console/bundles").status()).isEqualTo(403);
	}
}
