package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * 一窗受理 continued online: a clerk checks the visitor in person (L3), starts 社会保障卡申领 with them and saves it;
 * the citizen finishes and submits it from home; the clerk sees it submitted; after the visit ends the clerk can no
 * longer open it.
 */
class CounterIntakeJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Test
	void startedAtTheCounterFinishedOnline() {
		Citizen visitor = newCitizen("窗口来办", 2);
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff clerk = newStaff(dep.code(), Role.COUNTER_CLERK, "窗口人员");
		login().open().signIn(clerk.username(), clerk.password()).totp(clerk.totpCode());

		page.navigate(base() + "/workbench/counter/intake");
		page.locator("#idNumber").fill(visitor.idNumber());
		page.locator("#name").fill("别人的名字");
		page.getByTestId("identify").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("没有找到姓名与身份证号码相符的账号");
		page.locator("#name").fill(visitor.name());
		page.getByTestId("identify").click();
		assertThat(page.getByTestId("visitor").innerText()).contains(visitor.name()).contains("已现场核验身份");
		assertThat(jdbc.sql("select assurance_level from identity_account where id = ?").param(visitor.id()).query(Integer.class).single())
			.isEqualTo(3);
		accessible();

		// the 68 items come grouped by department, departments in pinyin order
		var groups = page.locator("#code optgroup");
		assertThat(groups.count()).isGreaterThan(5);
		@SuppressWarnings("unchecked")
		List<String> labels = (List<String>) groups.evaluateAll("groups => groups.map(group => group.label)");
		assertThat(labels).isSortedAccordingTo(Collator.getInstance(Locale.CHINA)::compare);
		assertThat(page.locator("#code optgroup[label='区人力社保局'] option[value='" + ApplyOnlineJourneyIT.ITEM + "']").count()).isEqualTo(1);
		// typing narrows the list at once (script), the search step does without it: pinyin initials find 社会保障卡
		page.locator("#item-query").fill("社会保障卡");
		assertThat(page.locator("#code option:not([hidden])").allInnerTexts()).isNotEmpty().allMatch(name -> name.contains("社会保障卡"));
		page.navigate(base() + "/workbench/counter/intake?q=sbk");
		assertThat(page.locator("#code option").allInnerTexts()).isNotEmpty().anyMatch(name -> name.contains("社会保障卡"))
			.hasSizeLessThan(20);
		page.navigate(base() + "/workbench/counter/intake?q=" + URLEncoder.encode("没有这种事项xyz", StandardCharsets.UTF_8));
		assertThat(page.getByTestId("item-none").innerText()).contains("没有找到");
		page.getByTestId("item-search-clear").click();
		page.locator("#code").selectOption(ApplyOnlineJourneyIT.ITEM);
		page.getByTestId("counter-apply").click();
		// the visitor's own name, ID number and phone come from their account
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(visitor.idNumber());
		page.locator("#v-region").selectOption("330106");
		page.locator("#v-bank").selectOption("中国农业银行");
		page.locator("#v-delivery").selectOption("窗口领取");
		page.getByTestId("save-draft").click();
		assertThat(page.getByTestId("banner").innerText()).contains("草稿已保存");
		String counterUrl = page.url();
		accessible();

		// at home, the citizen finishes the same draft
		Page home = citizenPage(visitor);
		home.navigate(base() + "/account/cases");
		home.getByTestId("my-cases").locator("a").first().click();
		assertThat(home.locator("#v-bank").inputValue()).isEqualTo("中国农业银行");
		home.locator("#m-1").setInputFiles(new FilePayload("photo.png", "image/png", ApplyOnlineJourneyIT.PNG));
		home.getByTestId("continue").click();
		home.getByTestId("submit-case").click();
		String number = home.getByTestId("case-number").innerText().strip();
		assertThat(home.getByTestId("timeline").innerText()).contains("窗口开始受理填写").contains("窗口：窗口人员").contains("提交申请");
		home.context().close();

		page.navigate(base() + "/workbench/counter/intake");
		assertThat(page.getByTestId("visitor-cases").innerText()).contains(number).contains("已提交");
		page.getByTestId("end-visit").click();
		assertThat(page.navigate(counterUrl).status()).as("the visit is over").isEqualTo(404);
	}
}
