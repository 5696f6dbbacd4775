package tongban.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.feedback.Concluded;
import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * "Pages work without JavaScript" (README, after the GOV.UK Design System): on a 360 px phone whose browser runs no
 * JavaScript, a citizen signs in, finds 社会保障卡挂失与补领 through the catalogue search, applies with its conditional
 * field (遗失日期, asked only when the reason is 遗失: without the script that hides it, the field is shown with the
 * condition beside it, and the server asks for it when the condition holds), submits, and once the department has
 * concluded the case, rates it. Every step is a plain link or form post.
 */
class NoJavaScriptJourneyIT extends JourneyTest {

	static final String ITEM = "330106-GG-0001-02";

	@Autowired
	Cases cases;

	@Autowired
	ApprovalManagement approval;

	@Test
	void applySearchAndRateWithoutJavaScript() {
		context.close();
		context = Browser.newContextWithoutJavaScript(360, 740);
		page = context.newPage();
		page.setDefaultTimeout(15_000);

		Citizen me = newCitizen("无脚本用户", 2);
		login().open().signIn(me.idNumber(), PASSWORD);
		assertThat(page.url()).doesNotContain("/login");

		// the catalogue search: the home page's form is a GET form
		page.navigate(base() + "/");
		page.locator("#q").fill("社会保障卡挂失补领");
		page.locator("form[action='/search'] button[type=submit]").click();
		assertThat(page.url()).contains("/search?q=");
		var hit = page.getByTestId("search-results").locator("a[href='/items/" + ITEM + "']");
		assertThat(hit.count()).as("the item among the results").isEqualTo(1);
		hit.click();
		assertThat(page.url()).endsWith("/items/" + ITEM);

		// the application form: the conditional field is there, with its condition, though no script can reveal it
		page.getByTestId("apply").click();
		page.getByTestId("start-application").click();
		var lostDate = page.locator("#v-lostDate");
		assertThat(page.locator("#v-reason").inputValue()).as("no reason chosen yet").isEmpty();
		assertThat(lostDate.isVisible()).as("遗失日期 shown without JavaScript").isTrue();
		assertThat(page.locator("[data-show-field='v.reason']:has(#v-lostDate)").innerText()).contains("当“办理原因”为“遗失”时填写");
		page.locator("#v-reason").selectOption("遗失");
		page.locator("#v-delivery").selectOption("窗口领取");
		page.getByTestId("continue").click();
		// the condition holds and the date is missing: the server says so, beside the field and in the summary
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("遗失日期");
		assertThat(page.locator("#v-reason").inputValue()).as("input kept").isEqualTo("遗失");
		lostDate.fill("2026-12-01");
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		assertThat(page.getByTestId("confirmation").innerText()).contains("申请已提交");
		String number = page.getByTestId("case-number").innerText().strip();
		String caseUrl = page.url().replace("?submitted", "");
		assertThat(jdbc.sql("select count(*) from casework_case where case_number = ? and status = 'SUBMITTED'").param(number)
			.query(Long.class).single()).isEqualTo(1);

		// the department works through its tasks until the case is concluded; the citizen is invited to rate
		UUID id = jdbc.sql("select id from casework_case where case_number = ?").param(number).query(UUID.class).single();
		Concluded.conclude(cases, approval, CaseId.of(id));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from feedback_invitation where case_id = ?").param(id).query(Long.class).single() == 1);

		// rating: radio buttons, a <details> the server opens on an error, a plain post
		page.navigate(caseUrl);
		page.getByTestId("rate-case").click();
		assertThat(page.url()).endsWith("/cases/" + id + "/rating");
		page.getByTestId("submit-rating").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").textContent()).contains("请选择总体评价");
		assertThat(page.getByTestId("rating-details").getAttribute("open")).as("the server opens the details to show what is wrong").isNotNull();
		page.locator("#level-VERY_SATISFIED").check();
		page.locator("#score-efficiency-5").check();
		page.getByTestId("submit-rating").click();
		assertThat(page.getByTestId("rating-1").textContent()).contains("非常满意");
		assertThat(jdbc.sql("select level from feedback_rating where case_id = ?").param(id).query(Integer.class).list()).containsExactly(5);
	}
}
