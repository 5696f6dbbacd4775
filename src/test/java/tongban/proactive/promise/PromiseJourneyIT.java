package tongban.proactive.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.identity.Actor;
import tongban.identity.Role;
import tongban.shared.Upload;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People;
import tongban.support.SamplePdfs;
import tongban.support.TestCases;

/**
 * 告知承诺 in the browser: a citizen applying for 个体工商户设立登记 chooses to promise instead of the 经营场所使用相关文件,
 * is told beside the tick box when she leaves it empty, then ticks, signs with her name and submits; the market
 * approver sees the signed promise on the task and approves; the case is drawn for a check (rate 100 % here), which
 * appears at /workbench/promise-checks, and the checker records it as true with findings.
 */
class PromiseJourneyIT extends JourneyTest {

	static final String ITEM = PromiseCheckIT.SOLE_TRADER;

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ItemPromises itemPromises;

	@Autowired
	PromiseChecks checks;

	@Test
	void applyWithAPromiseApproveAndRecordTheCheck() {
		ItemPromise demo = itemPromises.find(ITEM).orElseThrow();
		assertThat(itemPromises.save(ITEM, null, "测试", demo.text(), demo.replaced(), 100, 15, true)).isEmpty();
		Citizen trader = newCitizen("承诺个体户", 2);
		Actor actor = TestCases.actor(trader);
		CaseId id = applying.startDraft(actor, ITEM);
		assertThat(applying.saveDraft(actor, id, applying.draft(actor, id).lockVersion(), Map.of("form", "个人经营", "scope", "小吃服务",
				"region", "330106", "address", "杭州市西湖区文三路 90 号", "capital", "5", "employees", "2"),
				Map.of(0, new Upload("申请书.pdf", SamplePdfs.blank())), Map.of())).isEmpty();

		// the applicant chooses to promise; without the tick she is told why, beside the box
		login().open().signIn(trader.idNumber(), PASSWORD);
		page.navigate(base() + "/cases/" + id + "/edit");
		assertThat(page.getByTestId("promise-text").innerText()).contains("不实承诺的后果").contains("经营场所");
		page.getByTestId("promise-use").check();
		page.getByTestId("continue").click();
		assertThat(page.title()).startsWith("错误");
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("经营场所使用相关文件");
		page.getByTestId("promise-use").check();
		page.getByTestId("promise-name").fill(trader.name());
		page.getByTestId("continue").click();
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("请勾选“我已阅读上述承诺书”");
		assertThat(page.locator("#promise-agree-error").innerText()).contains("请勾选");
		accessible();
		page.getByTestId("promise-agree").check();
		page.getByTestId("promise-name").fill(trader.name());
		page.getByTestId("continue").click();
		assertThat(page.getByTestId("case-promise").innerText()).contains("经营场所使用相关文件").contains(trader.name());
		page.getByTestId("submit-case").click();
		String number = cases.find(actor, id).orElseThrow().caseNumber();
		assertThat(page.content()).contains(number);

		// the approver sees the signed promise on the task and approves
		People.Staff approver = newStaff("XH-SCJG", Role.APPROVER, "承诺审批员");
		Page staff = staffPage(approver);
		openTask(staff, number);
		assertThat(staff.getByTestId("case-promise").innerText()).contains("告知承诺书").contains(trader.name());
		staff.locator("#decision-approve").check();
		staff.locator("#opinion").fill("承诺符合要求，准予登记");
		staff.getByTestId("complete-task").click();

		// the case is drawn for a check, which the department records
		await().atMost(Duration.ofSeconds(30)).until(() -> checks.ofCase(id).isPresent());
		staff.navigate(base() + "/workbench/promise-checks");
		staff.locator("tr[data-case='" + number + "']").getByTestId("promise-check-link").click();
		assertThat(staff.getByTestId("promise-check-status").innerText()).isEqualTo("待核查");
		assertThat(staff.getByTestId("case-promise").innerText()).contains(trader.name());
		Accessibility.check(staff);
		staff.getByTestId("record-check").click();
		assertThat(staff.getByTestId("error-summary").innerText()).contains("请选择核查结论").contains("请填写核查意见");
		staff.getByTestId("outcome-confirmed").check();
		staff.getByTestId("findings").fill("实地查看，经营场所真实可用，与承诺一致");
		staff.getByTestId("record-check").click();
		assertThat(staff.getByTestId("promise-check-status").innerText()).isEqualTo("承诺属实");
		assertThat(staff.getByTestId("promise-check-findings").innerText()).contains("与承诺一致").contains("承诺审批员");
		assertThat(checks.ofCase(id).orElseThrow().status()).isEqualTo(PromiseCheck.Status.CONFIRMED);
	}

	private void openTask(Page staff, String caseNumber) {
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			staff.navigate(base() + "/workbench/tasks");
			return staff.locator("tr[data-case='" + caseNumber + "']").count() > 0;
		});
		staff.locator("tr[data-case='" + caseNumber + "'] a").first().click();
	}
}
