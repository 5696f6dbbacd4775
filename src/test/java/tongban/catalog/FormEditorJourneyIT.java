package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A department admin builds an item's application form in the console: fields added by type, a condition, the live
 * preview following each change before saving, a definition mistake refused at its field, a stale save refused, and a
 * trial fill validated on the server with Chinese messages beside the fields.
 */
class FormEditorJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	CatalogManagement catalog;

	private Staff deptAdmin() {
		var dep = directory.departmentByCode("XH-MZ").orElseThrow();
		return newStaff(dep.code(), Role.DEPT_ADMIN, "表单管理员");
	}

	/** The live preview posts on every change; let it settle before the form itself is submitted. */
	private void settle() {
		page.waitForTimeout(600);
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
	}

	private void addField(String type) {
		page.locator("#newType").selectOption(type);
		settle();
		page.getByTestId("add-field").click();
		page.waitForLoadState();
	}

	private Locator row(int i) {
		return page.locator("#field-" + i);
	}

	@Test
	void buildPreviewSaveAndTryAFormWithACondition() {
		String code = "330106-GG-F" + System.nanoTime() % 100000 + "-01";
		catalog.importPublished(PublishingGateTest.with("code", code, "department", "XH-MZ", "name", "表单测试事项",
				"type", "GG", "faq", java.util.List.of()), null, "测试");
		Staff admin = deptAdmin();
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());
		page.navigate(base() + "/console/items/" + code);
		page.getByTestId("edit-item").click();
		page.getByTestId("edit-form").click();
		assertThat(page.getByTestId("form-preview").innerText()).contains("还没有字段");
		accessible();

		addField("SELECT");
		assertThat(page.getByTestId("form-unsaved").innerText()).contains("尚未保存");
		row(0).locator("[name='fields[0].key']").fill("reason");
		row(0).locator("[name='fields[0].label']").fill("办理原因");
		row(0).locator("[name='fields[0].options']").fill("遗失\n损坏");
		// the preview follows the typing (debounced): wait for the last change to show
		page.waitForCondition(() -> page.getByTestId("form-preview").innerText().contains("办理原因")
				&& page.getByTestId("form-preview").locator("select option").allInnerTexts().contains("损坏"));
		assertThat(page.getByTestId("form-preview").locator("select option").allInnerTexts())
			.as("the live preview shows the options before anything is saved").contains("遗失", "损坏");

		addField("TEXT");
		row(1).locator("[name='fields[1].key']").fill("lostPlace");
		row(1).locator("[name='fields[1].label']").fill("遗失地点");
		row(1).locator("[name='fields[1].required']").check();
		row(1).locator("[name='fields[1].showIfField']").selectOption("reason");
		row(1).locator("[name='fields[1].showIfValues']").fill("遗失");
		addField("ID_NUMBER");
		row(2).locator("[name='fields[2].key']").fill("idNumber");
		row(2).locator("[name='fields[2].label']").fill("身份证号码");
		row(2).locator("[name='fields[2].required']").check();
		row(2).locator("[name='fields[2].applicant']").selectOption("ID_NUMBER"); // the applicant's own: filled from the account

		var stale = context.newPage();
		stale.navigate(base() + "/console/items/" + code + "/form");

		settle();
		page.getByTestId("save-form").first().click();
		assertThat(page.getByTestId("banner").innerText()).contains("申请表单已保存");
		page.waitForLoadState(); // count() does not wait: the banner comes first, let the whole editor arrive
		assertThat(page.getByTestId("editor-field").count()).isEqualTo(3);
		assertThat(page.locator("[name='fields[2].applicant']").inputValue()).isEqualTo("ID_NUMBER");
		accessible();

		stale.getByTestId("save-form").first().click();
		assertThat(stale.getByTestId("error-summary").innerText()).as("a stale editor cannot overwrite").contains("已被他人修改");
		stale.close();

		// the preview's condition follows the select, as the applicant's page will
		Locator preview = page.getByTestId("preview-form");
		preview.locator("select[name='v.reason']").selectOption("损坏");
		assertThat(preview.locator("#v-lostPlace").isVisible()).isFalse();
		preview.locator("select[name='v.reason']").selectOption("遗失");
		assertThat(preview.locator("#v-lostPlace").isVisible()).isTrue();
		assertThat(preview.innerText()).contains("当“办理原因”为“遗失”时填写");

		preview.locator("#v-idNumber").fill("110105194912310021");
		page.getByTestId("try-form").click();
		Locator summary = page.getByTestId("form-error-summary");
		summary.waitFor();
		assertThat(summary.innerText()).contains("请填写遗失地点").contains("身份证号码的校验码不正确");
		assertThat(page.locator("#v-idNumber-error").innerText()).contains("校验码不正确");
		assertThat(page.locator("#v-idNumber").inputValue()).as("input kept").isEqualTo("110105194912310021");
		accessible();

		page.locator("#v-lostPlace").fill("西湖文化广场");
		page.locator("#v-idNumber").fill("11010519491231002x");
		page.getByTestId("try-form").click();
		page.getByTestId("try-ok").waitFor();
		assertThat(page.getByTestId("try-ok").innerText()).contains("西湖文化广场").contains("11010519491231002X");

		// a mistake in the definition is refused at its field and nothing is saved
		row(2).locator("[name='fields[2].key']").fill("reason");
		page.getByTestId("save-form").first().click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("第 3 个字段").contains("字段标识与前面的字段重复");
		page.navigate(base() + "/console/items/" + code + "/form");
		assertThat(page.locator("[name='fields[2].key']").inputValue()).isEqualTo("idNumber");

		page.navigate(base() + "/console/items/" + code);
		assertThat(page.getByTestId("audit").innerText()).contains("修改申请表单").contains("form.lostPlace");
	}
}
