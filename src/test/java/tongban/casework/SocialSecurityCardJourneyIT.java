package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.TestCases;

/**
 * The first journey a citizen walks, on a 360 px phone: applying for 社保卡补领 (社会保障卡挂失与补领, a 即办件). One promised
 * date, a working day, on the confirmation, in the SMS, in 我的办件 and in the approver's inbox; the 20-digit case number
 * and the status read on one line; the confirmation offers no withdrawal, and withdrawing takes a page of its own with
 * its consequences, a ticked confirmation and a red button (a bare tap is refused); name, ID number and phone come locked
 * from the account; and the decision letter, downloaded on the phone, verifies on /verify with the department's seal.
 */
class SocialSecurityCardJourneyIT extends JourneyTest {

	static final String ITEM = "330106-GG-0001-02";

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	Cases cases;

	@Autowired
	Handling handling;

	@Test
	void applyForAReplacementCardOnAPhone() {
		context.close();
		context = Browser.newContext(360, 740);
		page = context.newPage();
		page.setDefaultTimeout(15_000);

		Citizen me = newCitizen("补卡测试", 2);
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/items/" + ITEM);
		page.getByTestId("apply").click();
		page.getByTestId("start-application").click();
		// the applicant's own identity comes from the account, locked: nobody applies under another person's number
		for (String field : new String[] { "name", "idNumber", "phone" }) {
			assertThat(page.locator("#v-" + field).getAttribute("readonly")).as(field + " locked").isNotNull();
			assertThat(page.getByTestId("verified-" + field).innerText()).contains("来自您的账号");
		}
		assertThat(page.locator("#v-name").inputValue()).isEqualTo(me.name());
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(me.idNumber());
		assertThat(page.locator("#v-phone").inputValue()).isEqualTo(me.mobile());
		page.locator("#v-reason").selectOption("遗失");
		page.locator("#v-lostDate").fill("2026-12-01");
		page.locator("#v-delivery").selectOption("窗口领取");
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();

		// the confirmation: one promised date, a working day (a Sunday application is handled on Monday)
		assertThat(page.getByTestId("confirmation").innerText()).contains("申请已提交");
		String number = page.getByTestId("case-number").innerText().strip();
		LocalDate promised = LocalDate.parse(page.getByTestId("promised").innerText().strip());
		assertThat(calendars.current().isWorkingDay(promised)).as(promised + " is a working day").isTrue();
		assertThat(promised).isEqualTo(calendars.current().onOrAfter(LocalDate.now(Clocks.ZONE)));
		assertThat(lines(page.getByTestId("case-number"))).as("the case number on one line").isEqualTo(1);
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("nothing wider than the phone").isLessThanOrEqualTo(360);
		assertThat(page.getByTestId("withdraw-link").count() + page.getByTestId("withdraw-case").count())
			.as("no withdrawal on the confirmation").isZero();
		accessible();
		String caseUrl = page.url().replace("?submitted", "");

		Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
			.untilAsserted(() -> assertThat(lastSms(me.mobile())).as("the SMS").contains(number).contains(promised.toString()));

		page.navigate(base() + "/account/cases");
		Locator row = page.locator("tr[data-case='" + number + "']");
		assertThat(row.getByTestId("my-case-promised").innerText()).contains(promised.toString());
		assertThat(lines(row.getByTestId("my-case-number"))).as("我的办件: the number whole").isEqualTo(1);
		assertThat(lines(row.getByTestId("my-case-status"))).as("我的办件: the status on one line").isEqualTo(1);
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
		accessible();

		Page approver = staffPage(newStaff("XH-RLSB", Role.APPROVER, "补卡审批"));
		approver.navigate(base() + "/workbench/tasks?step=handle");
		assertThat(approver.locator("tr[data-case='" + number + "']").innerText()).as("the approver's inbox")
			.contains("（" + promised + " 到期）");
		approver.context().close();

		// withdrawal is a deliberate act: its own page, a confirmation, a warning style
		page.navigate(caseUrl);
		page.getByTestId("withdraw-link").click();
		assertThat(page.url()).endsWith("/withdraw");
		assertThat(page.getByTestId("withdraw-consequences").innerText()).contains("不能恢复");
		assertThat(page.getByTestId("withdraw-case").evaluate("b => getComputedStyle(b).backgroundColor")).as("red, not the green of go")
			.isEqualTo("rgb(179, 38, 30)");
		accessible();
		page.getByTestId("withdraw-case").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("请勾选");
		assertThat(jdbc.sql("select status from casework_case where case_number = ?").param(number).query(String.class).single())
			.as("one tap withdraws nothing").isEqualTo("SUBMITTED");
		accessible();

		// the department decides; the applicant downloads the decision on the phone and checks its seal on /verify
		CaseId id = CaseId.of(jdbc.sql("select id from casework_case where case_number = ?").param(number).query(UUID.class).single());
		handling.accept(id, "补卡受理");
		handling.decide(id, TestCases.approver("补卡审批"), true, null);
		page.navigate(caseUrl);
		String href = page.getByTestId("document-decision").getAttribute("href");
		byte[] letter = context.request().get(base() + href).body();
		assertThat(new String(letter, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		page.navigate(base() + "/verify");
		page.locator("#file").setInputFiles(new FilePayload("decision.pdf", "application/pdf", letter));
		page.getByTestId("verify-file").click();
		assertThat(page.getByTestId("file-seal").innerText()).as("the decision letter's seal on /verify")
			.contains("杭州市西湖区人力资源和社会保障局").doesNotContain("无效");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
		accessible();
	}

	/** How many lines an element's text takes. */
	private static int lines(Locator element) {
		return ((Number) element.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e); "
				+ "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }")).intValue();
	}
}
