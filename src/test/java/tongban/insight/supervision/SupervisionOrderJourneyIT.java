package tongban.insight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.casework.Handling;
import tongban.identity.Role;
import tongban.insight.assessment.domain.ScoringRules;
import tongban.insight.supervision.internal.SupervisionRules;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;
import tongban.support.Poppler;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * 督办 that acts: a case goes red → the rules issue a 督办单 with a red card → the department's admin answers with
 * measures (an empty answer is refused at the field) → the supervisor closes it; the department's score this month on
 * /workbench/assessment is lower by exactly the red card's deduction.
 */
class SupervisionOrderJourneyIT extends JourneyTest {

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	Cases cases;

	@Autowired
	SupervisionRules rules;

	@Autowired
	ScoringRules scoring;

	BigDecimal score(Page on, String department) {
		on.navigate(base() + "/workbench/assessment");
		return new BigDecimal(on.locator("tr[data-department='" + department + "'] [data-testid=score]").innerText().strip());
	}

	@Test
	void aRedCaseIsSupervisedAnsweredClosedAndCostsTheDepartmentItsCard() throws Exception {
		CaseId id = TestCases.submittedSocialSecurityCard(applying, newCitizen("督办单测试", 2));
		handling.accept(id, "受理员");
		String number = cases.forStaff(id).orElseThrow().caseNumber();
		rules.pass(); // whatever else is red in the district has its order already

		Staff supervisor = newStaff("XH-ZWFW", "330106", Role.SUPERVISOR, "督办监察");
		Staff admin = newStaff("XH-RLSB", Role.DEPT_ADMIN, "人社局长");
		login().open().signIn(supervisor.username(), supervisor.password()).totp(supervisor.totpCode());
		BigDecimal before = score(page, "XH-RLSB");

		// the case goes red: its promised date has passed
		jdbc.sql("update casework_case set promised_date = ? where id = ?").params(LocalDate.now(Clocks.ZONE).minusDays(5), id.value()).update();
		assertThat(rules.pass()).isEqualTo(1);

		page.navigate(base() + "/workbench");
		page.getByTestId("supervision-orders-link").click();
		var row = page.locator("tr[data-reference='" + number + "']");
		assertThat(row.innerText()).contains("红牌").contains("待答复").contains("杭州市西湖区人力资源和社会保障局");
		accessible();

		Page department = staffPage(admin);
		department.navigate(base() + "/workbench/supervision-orders");
		department.locator("tr[data-reference='" + number + "'] a").click();
		assertThat(department.getByTestId("order-subject").innerText()).contains(number).contains("已超过承诺期限");
		department.getByTestId("submit-answer").click();
		assertThat(department.getByTestId("error-summary").innerText()).contains("请填写整改措施");
		assertThat(department.title()).startsWith("错误：");
		department.locator("#answer").fill("已逐件清理超期办件，本周内办结，并安排专人每日跟踪办理时限。");
		department.getByTestId("submit-answer").click();
		assertThat(department.getByTestId("banner").innerText()).contains("答复已提交");
		assertThat(department.getByTestId("order-status").innerText()).isEqualTo("已答复");
		String orderUrl = department.url();
		department.context().close();

		// another department's admin, and a supervisor of another district, are told it does not exist
		Page stranger = staffPage(newStaff("XH-ZJ", Role.DEPT_ADMIN, "住建局长"));
		assertThat(stranger.navigate(orderUrl).status()).isEqualTo(404);
		assertThat(stranger.navigate(base() + "/workbench/supervision-orders/not-an-id").status()).isEqualTo(404);
		stranger.context().close();
		Page elsewhere = staffPage(newStaff("XH-ZWFW", "330102", Role.SUPERVISOR, "上城监察"));
		assertThat(elsewhere.navigate(orderUrl).status()).isEqualTo(404);
		elsewhere.context().close();

		page.navigate(base() + "/workbench/supervision-orders");
		page.locator("tr[data-reference='" + number + "'] a").click();
		assertThat(page.getByTestId("order-answer").innerText()).contains("专人每日跟踪");
		page.locator("#decision").fill("措施可行，予以办结。");
		page.getByTestId("decide-close").click();
		assertThat(page.getByTestId("order-status").innerText()).isEqualTo("已办结");
		accessible();

		BigDecimal after = score(page, "XH-RLSB");
		assertThat(before.subtract(after)).isEqualByComparingTo(scoring.current().redDeduction());
		assertThat(page.locator("tr[data-department='XH-RLSB'] [data-testid=cards]").innerText()).contains("红牌");
		accessible();

		// the department's monthly report, sealed by the 政务服务中心, from the assessment page
		Download report = page.waitForDownload(() -> page.locator("tr[data-department='XH-RLSB'] [data-testid=report-link]").click());
		byte[] pdf = Files.readAllBytes(report.path());
		assertThat(Poppler.signatures(pdf)).contains("Signature is Valid.").contains("杭州市西湖区政务服务中心");
		assertThat(Poppler.text(pdf).replaceAll("\\s+", "")).contains(after.toPlainString()).contains("红牌");

		// an order by hand from the 督办 list: a deadline out of range is refused at the field
		page.navigate(base() + "/workbench/supervision");
		page.locator("tr[data-case='" + number + "'] [data-testid=issue-order-link]").click();
		page.locator("#days").fill("45");
		page.getByTestId("issue-order").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("答复期限须为 1 至 30 个工作日");
		assertThat(page.locator("#subject").inputValue()).contains(number);
		page.locator("#days").fill("2");
		page.getByTestId("issue-order").click();
		assertThat(page.getByTestId("banner").innerText()).contains("督办单已签发");
		assertThat(page.getByTestId("order-card").count()).as("a manual order carries no card").isZero();

		// scoring rules: weights that do not sum to 100 are refused at the field
		Staff platform = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "规则管理员");
		Page console = staffPage(platform);
		console.navigate(base() + "/console/scoring-rules");
		console.locator("#weight-on-time-rate").fill("20");
		console.getByTestId("save-rules").click();
		assertThat(console.getByTestId("error-summary").innerText()).contains("各项指标的权重之和须为 100");
		assertThat(console.locator("#weights .error-message").innerText()).contains("权重之和须为 100");
		assertThat(console.locator("#weight-on-time-rate").inputValue()).isEqualTo("20");
		assertThat(console.getByTestId("rules-history").innerText()).contains("系统初始");
		console.context().close();
	}
}
