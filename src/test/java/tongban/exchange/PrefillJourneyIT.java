package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * 免提交 in Chromium: a 城乡居民医保参保登记 draft offers the applicant's name and ID number from the population
 * register with a consent prompt naming the source; once accepted they are filled, locked and marked verified. A request
 * that changes a verified value is refused at the field (and recorded), the value stays as served; a value changed behind
 * the form's back (in the stored draft) is caught at submission by its MAC. The staff member sees which values are
 * verified and which were typed, and the citizen sees the consented read on "谁查询了我的数据".
 */
class PrefillJourneyIT extends JourneyTest {

	static final String ITEM = "330106-GG-0008-01";

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	DirectoryManagement directory;

	@Test
	void aConsentedPrefillIsLockedVerifiedAtSubmissionAndShownWithItsSource() {
		Citizen me = newCitizen("周明远", 2);
		catalogue.putRecord("XH-GA-RK", me.idNumber(), Map.of("name", "周明远", "idNumber", me.idNumber(), "gender", "男", "birthDate", "1985-03-02",
				"householdAddress", "浙江省杭州市西湖区文三路 1 号"));
		page.close();
		page = citizenPage(me);
		page.navigate(base() + "/apply/" + ITEM);
		page.getByTestId("start-application").click();
		assertThat(page.getByTestId("prefill-offer").innerText()).contains("从公安户籍信息获取").contains("杭州市公安局西湖区分局")
			.contains("申请人姓名").contains("申请人公民身份号码");
		accessible();
		page.getByTestId("accept-prefill").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已填入核验过的信息");
		assertThat(page.getByTestId("prefill-offer").count()).as("offered once").isZero();
		assertThat(page.locator("#v-name").inputValue()).isEqualTo("周明远");
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(me.idNumber());
		assertThat(page.locator("#v-idNumber").getAttribute("readonly")).isNotNull();
		assertThat(page.getByTestId("verified-name").innerText()).contains("来源：公安户籍信息（已核验，不可修改）");
		accessible();

		// the browser is not trusted: a changed verified value is refused and the served one kept
		page.evaluate("() => { const i = document.querySelector(\"#v-name\"); i.removeAttribute('readonly'); i.value = '周明达'; }");
		page.locator("#v-category").selectOption("其他城乡居民");
		page.locator("#v-region").selectOption("330106");
		page.getByTestId("save-draft").click();
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("不能修改");
		assertThat(page.locator("#v-name").inputValue()).isEqualTo("周明远");
		UUID caseId = UUID.fromString(page.url().replaceAll(".*/cases/([0-9a-f-]+)/edit.*", "$1"));
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_REFUSED' and subject = ?").param("case:" + caseId).query(Long.class)
			.single()).isEqualTo(1);

		// changed behind the form's back: the MAC does not match at submission
		String stored = jdbc.sql("select form_values from casework_case where id = ?").param(caseId).query(String.class).single();
		jdbc.sql("update casework_case set form_values = ? where id = ?").params(keys.encrypt(keys.decrypt(stored).replace("周明远", "周明达")), caseId).update();
		var actor = TestCases.actor(me);
		var problems = applying.submit(actor, CaseId.of(caseId), cases.find(actor, CaseId.of(caseId)).orElseThrow().submitToken());
		assertThat(problems).anySatisfy(p -> assertThat(p.code()).isEqualTo("case.error.verified"));
		jdbc.sql("update casework_case set form_values = ? where id = ?").params(stored, caseId).update();

		page.navigate(base() + "/cases/" + caseId + "/edit");
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		assertThat(page.url()).contains("submitted");
		String caseNumber = jdbc.sql("select case_number from casework_case where id = ?").param(caseId).query(String.class).single();

		var dep = directory.departmentByCode("XH-YB").orElseThrow();
		Staff approver = newStaff(dep.code(), Role.APPROVER, "审批员医保");
		Page staff = staffPage(approver);
		for (int i = 0; i < 50 && staff.locator("tr[data-case='" + caseNumber + "']").count() == 0; i++) {
			staff.navigate(base() + "/workbench/tasks");
			staff.waitForTimeout(200);
		}
		staff.locator("tr[data-case='" + caseNumber + "'] a").first().click();
		String answers = staff.getByTestId("task-answers").innerText();
		assertThat(answers).contains("周明远").contains("已核验：公安户籍信息").contains("申请人填写");
		staff.context().close();

		page.navigate(base() + "/account/data-access");
		assertThat(page.getByTestId("reads").innerText()).contains("杭州市医疗保障局西湖分局").contains("经您同意为您填表").contains("姓名、公民身份号码")
			.contains("免提交：城乡居民基本医疗保险参保登记（申请人同意）");
	}
}
