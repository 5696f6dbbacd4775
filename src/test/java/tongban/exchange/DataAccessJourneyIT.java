package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.shared.Masking;
import tongban.shared.Uscc;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.pages.AccountPage;

/**
 * 谁查询了我的数据, in Chromium: a counter clerk looks a citizen up in the population register for a case (an empty
 * form refused field by field); the read is on the citizen's page at once with the department, the clerk's name masked,
 * the fields, purpose and case. An approver of 医保 sees the ID number masked until asking to reveal it, which the
 * citizen sees too. The citizen reports the clerk's read (a reason required); the region's supervisor finds the report
 * and answers it. Nobody can report a read of someone else's data.
 */
class DataAccessJourneyIT extends JourneyTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	DataLookups lookups;

	@Autowired
	AccessRecords records;

	@Test
	void aStaffLookupIsOnTheCitizensPageAtOnceAndAReportReachesTheSupervisor() {
		Citizen citizen = newCitizen("林晓雨", 2);
		catalogue.putRecord("XH-GA-RK", citizen.idNumber(), Map.of("name", "林晓雨", "idNumber", citizen.idNumber(), "gender", "女", "birthDate",
				"1990-01-01", "ethnicity", "汉族", "householdAddress", "浙江省杭州市西湖区文一路 18 号"));
		Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "赵核验");
		String caseNumber = "330106" + System.nanoTime() % 1_000_000_000L;

		Page desk = staffPage(clerk);
		desk.navigate(base() + "/workbench");
		desk.getByTestId("exchange-link").click();
		desk.getByTestId("lookup").click();
		assertThat(desk.getByTestId("error-summary").innerText()).contains("请选择要查询的资源").contains("请填写正确的身份证号码")
			.contains("请填写查询事由").contains("请填写所办事项的办件编号");
		desk.locator("#resource").selectOption("XH-GA-RK");
		desk.locator("#subject").fill(citizen.idNumber());
		desk.locator("#purpose").fill("一窗受理核验申请人身份");
		desk.locator("#caseNumber").fill(caseNumber);
		desk.getByTestId("lookup").click();
		assertThat(desk.getByTestId("lookup-result").innerText()).contains("林晓雨").contains("1990-01-01").doesNotContain("文一路");
		Accessibility.check(desk);

		Page own = citizenPage(citizen);
		own.navigate(base() + "/account");
		own.getByTestId("data-access-link").click();
		String reads = own.getByTestId("reads").innerText();
		assertThat(reads).contains("杭州市西湖区政务服务中心").contains(Masking.name("赵核验")).doesNotContain("赵核验")
			.contains("人口基础信息（户籍）：姓名、性别、出生日期").contains("一窗受理核验申请人身份").contains(caseNumber);
		Accessibility.check(own);

		// an approver of 医保 sees the ID number and address masked until revealing one, which is recorded as such
		Staff yb = newStaff("XH-YB", Role.APPROVER, "钱医保");
		Page ybDesk = staffPage(yb);
		ybDesk.navigate(base() + "/workbench/exchange");
		ybDesk.locator("#resource").selectOption("XH-GA-RK");
		ybDesk.locator("#subject").fill(citizen.idNumber());
		ybDesk.locator("#purpose").fill("城乡居民医保参保登记");
		ybDesk.locator("#caseNumber").fill(caseNumber + "9");
		ybDesk.getByTestId("lookup").click();
		assertThat(ybDesk.getByTestId("value-idNumber").innerText()).isEqualTo(Masking.idNumber(citizen.idNumber()));
		assertThat(ybDesk.getByTestId("value-householdAddress").innerText()).isEqualTo("浙江省杭州市西湖区****");
		ybDesk.getByTestId("reveal-idNumber").click();
		assertThat(ybDesk.getByTestId("value-idNumber").innerText()).isEqualTo(citizen.idNumber());
		ybDesk.context().close();
		own.reload();
		assertThat(own.getByTestId("reads").innerText()).contains("杭州市医疗保障局西湖分局").contains("查看了完整内容");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_REVEAL' and detail like ?").param("%" + caseNumber + "9%")
			.query(Long.class).single()).isEqualTo(1);

		long clerkRead = jdbc.sql("select id from exchange_access where case_number = ?").param(caseNumber).query(Long.class).single();
		own.getByTestId("read-" + clerkRead).locator("summary").click();
		own.getByTestId("report-" + clerkRead).click();
		assertThat(own.getByTestId("error-summary").innerText()).contains("请说明您认为这次查询有问题的原因");
		own.locator("#reason-" + clerkRead).fill("我那天没有去政务服务中心办事");
		own.getByTestId("report-" + clerkRead).click();
		assertThat(own.getByTestId("banner").innerText()).contains("报告已提交");
		assertThat(own.getByTestId("read-" + clerkRead).innerText()).contains("已报告");

		Citizen stranger = newCitizen("路人甲", 2);
		assertThat(catchThrowableOfType(DomainException.class, () -> records.report(clerkRead, stranger.idNumber(), stranger.id(), "查看")).kind())
			.as("another's read is not found").isEqualTo(DomainException.Kind.NOT_FOUND);

		Staff supervisor = newStaff("XH-ZWFW", Role.SUPERVISOR, "孙监察");
		page.close();
		page = staffPage(supervisor);
		page.navigate(base() + "/workbench");
		page.getByTestId("data-reports-link").click();
		String report = page.getByTestId("reports").innerText();
		assertThat(report).contains("我那天没有去政务服务中心办事").contains("赵核验").contains(caseNumber).contains("待处理");
		accessible();
		String reportId = jdbc.sql("select id::text from exchange_report where access_id = ?").param(clerkRead).query(String.class).single();
		page.getByTestId("answer-" + reportId).click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请填写处理结果");
		page.locator("#answer-" + reportId).fill("经核查，申请人家属代为咨询时误用了您的号码；已对窗口人员批评教育。");
		page.getByTestId("answer-" + reportId).click();
		assertThat(page.getByTestId("banner").innerText()).contains("已答复");
		assertThat(page.getByTestId("report-" + reportId).innerText()).contains("已答复").contains("已对窗口人员批评教育");
		desk.context().close();
		own.context().close();
	}

	/** A company's reads are on the page of its agent acting for it (the demo agent 李娜 for 杭州西湖示范餐饮有限公司). */
	@Test
	void anAgentActingForTheCompanySeesTheCompanysReads() {
		String uscc = "91330106MA2CD7E8X" + Uscc.checkCharacter("91330106MA2CD7E8X");
		String caseNumber = "C" + System.nanoTime();
		var served = lookups.lookup(new Reader("XH-YB", "yb-system-demo", "yb-operator-3", null),
				new Lookup("XH-SCJG-ZT", uscc, null, "单位参保登记核验主体资格", caseNumber), true);
		assertThat(served.records()).hasSize(1);
		login().open().signIn("330106199208080021", "Tongban@2026");
		var account = new AccountPage(page, base()).open();
		account.actFor("杭州西湖示范餐饮有限公司");
		page.navigate(base() + "/account/data-access");
		assertThat(page.getByTestId("reads").innerText()).contains("杭州市医疗保障局西湖分局").contains("系统（yb-system-demo）")
			.contains("市场主体登记信息：统一社会信用代码、名称、登记状态").contains(caseNumber);
		accessible();
	}
}
