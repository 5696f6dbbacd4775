package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.support.Accessibility;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.People;

/**
 * The 区教育局's openness editor corrects the contact section of its 政府信息公开指南 (an emptied section is refused
 * beside the field first); a citizen on a 360 px phone reads the new text, opens the 公开目录 and follows a category
 * to the department's service guides.
 */
class DepartmentGuideJourneyIT extends JourneyTest {

	@Test
	void anEditorCorrectsTheGuideAndACitizenReadsItOnAPhone() {
		People.Staff editor = people.staff("XH-JY", Role.INFO_EDITOR, "教育编辑");
		Page staff = staffPage(editor);
		staff.navigate(base() + "/workbench/publications/guide");
		assertThat(staff.locator("h1").innerText()).contains("杭州市西湖区教育局");
		var contact = staff.locator("[id='sections[5]']");
		contact.fill("");
		staff.getByTestId("save-guide").click();
		assertThat(staff.getByTestId("error-summary").innerText()).contains("请填写“六、联系方式”");
		assertThat(staff.locator("[id='sections[5]-error']").innerText()).contains("请填写“六、联系方式”");
		Accessibility.check(staff);

		contact.fill("受理机构：杭州市西湖区教育局办公室\n\n咨询电话：0571-81007777（演示号码）\n\n周六上午另设招生咨询专线。");
		staff.getByTestId("save-guide").click();
		assertThat(staff.getByTestId("banner").innerText()).contains("已保存");
		staff.context().close();

		BrowserContext phone = Browser.newContext(360, 740);
		try {
			Page citizen = phone.newPage();
			citizen.setDefaultTimeout(15_000);
			citizen.navigate(base() + "/openness/XH-JY/guide");
			assertThat(citizen.getByTestId("guide-section-5").innerText()).contains("周六上午另设招生咨询专线。");
			assertThat(citizen.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			Accessibility.check(citizen);

			citizen.getByTestId("to-catalogue").click();
			citizen.waitForLoadState();
			assertThat(citizen.getByTestId("catalogue").innerText()).contains("招生入学", "财政预决算");
			assertThat(citizen.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			Accessibility.check(citizen);

			citizen.locator("a[href='/departments/XH-JY']").last().click();
			citizen.waitForLoadState();
			assertThat(citizen.locator("h1").innerText()).isEqualTo("杭州市西湖区教育局");
			assertThat(citizen.locator("main").innerText()).contains("义务教育入学报名");
		}
		finally {
			phone.close();
		}
	}
}
