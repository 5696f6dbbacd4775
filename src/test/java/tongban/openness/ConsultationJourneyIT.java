package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.Accessibility;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestPeople;

/**
 * A consultation from end to end in Chromium: an editor of 区市场监管局 drafts it on the workbench (a ten-day period is
 * warned of), the department's reviewer publishes it; an anonymous person finds it open, confirms the phone with the SMS
 * code and comments (shown as pending, not yet public); the editor publishes the comment; the period ends; the editor
 * marks it partly adopted with a reason and publishes the 意见采纳情况, which the public page shows with its counts.
 */
class ConsultationJourneyIT extends JourneyTest {

	@Test
	void anAnonymousCommentIsModeratedAndCountedInThePublishedFeedbackReport() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String title = "西湖区小餐饮店阳光厨房建设办法（征求意见稿）" + UUID.randomUUID().toString().substring(0, 4);
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "旅程编辑");
		Staff reviewer = newStaff("XH-SCJG", Role.INFO_REVIEWER, "旅程审核");

		// the editor drafts it: a ten-day period is allowed, with a warning
		Page desk = staffPage(editor);
		desk.navigate(base() + "/workbench");
		desk.getByTestId("consultations-link").click();
		desk.getByTestId("consultation-new").click();
		desk.locator("#title").fill(title);
		desk.locator("#docKind").selectOption("NORMATIVE");
		desk.locator("#background").fill("小餐饮店后厨不透明，群众投诉较多，需要推行阳光厨房。");
		desk.locator("#draft").fill("第一条 新开办的小餐饮店应当建设阳光厨房。\n\n第二条 本办法自发布之日起施行。");
		desk.locator("#startsOn").fill(today.toString());
		desk.locator("#endsOn").fill(today.minusDays(1).toString());
		desk.locator("#theme-0").fill("阳光厨房");
		desk.locator("#question-0").fill("新开办的店建设阳光厨房是否可行？");
		desk.getByTestId("consultation-save").click();
		// the last day before the first is refused at the field, with what was typed kept
		assertThat(desk.getByTestId("error-summary").innerText()).contains("截止日期不能早于开始日期");
		assertThat(desk.title()).startsWith("错误：");
		assertThat(desk.locator("#title").inputValue()).isEqualTo(title);
		desk.locator("#endsOn").fill(today.plusDays(9).toString());
		desk.getByTestId("consultation-save").click();
		assertThat(desk.getByTestId("short-period").innerText()).contains("10 天");
		Accessibility.check(desk);
		desk.getByTestId("consultation-submit").click();
		assertThat(desk.getByTestId("consultation-status").innerText()).isEqualTo("待审核");
		String workbenchUrl = desk.url();

		// the department's reviewer (not the author) publishes it
		Page review = staffPage(reviewer);
		review.navigate(workbenchUrl);
		review.getByTestId("consultation-approve").click();
		assertThat(review.getByTestId("consultation-status").innerText()).isEqualTo("已发布");

		// an anonymous person finds it open on a phone and comments with the phone confirmed by SMS
		String mobile = TestPeople.mobile();
		Page person = Browser.newContext(360, 740).newPage();
		person.setDefaultTimeout(15_000);
		person.navigate(base() + "/consultations");
		person.locator("[data-testid=consultations-open] a", new Page.LocatorOptions().setHasText(title)).click();
		assertThat(person.getByTestId("consultation-phase").innerText()).isEqualTo("正在征集");
		assertThat(person.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("fits a 360 px phone").isEqualTo(true);
		Accessibility.check(person);
		person.locator("#body").fill("阳光厨房改造要几千元，建议给老店一年过渡期。");
		person.locator("#phone").fill(mobile);
		person.getByTestId("send-code").click();
		assertThat(person.getByTestId("code-sent").innerText()).doesNotContain(mobile);
		String code = await().atMost(Duration.ofSeconds(20)).until(() -> {
			try {
				return lastSms(mobile).contains("意见征集") ? lastSmsCode(mobile) : null;
			}
			catch (RuntimeException | AssertionError e) {
				return null;
			}
		}, c -> c != null);
		assertThat(person.locator("#body").inputValue()).contains("一年过渡期");
		person.locator("#phoneCode").fill(code);
		person.getByTestId("comment-submit").click();
		assertThat(person.getByTestId("commented-status").innerText()).isEqualTo("待审核");
		person.getByTestId("back-to-consultation").click();
		assertThat(person.getByTestId("consultation-counts").innerText()).contains("共收到意见 1 条，已公开 0 条");
		assertThat(person.locator("[data-testid=published-comment]").count()).isZero();

		// the editor publishes the comment
		desk.navigate(workbenchUrl);
		desk.getByTestId("comment-publish").click();
		assertThat(desk.getByTestId("moderated-status").innerText()).isEqualTo("已公开");
		person.reload();
		assertThat(person.getByTestId("published-comment").innerText()).contains("一年过渡期");

		// the period ends (the project has no test clock: the consultation's days move instead of today)
		jdbc.sql("update openness_consultation set starts_on = ?, ends_on = ? where title = ?")
			.params(today.minusDays(10), today.minusDays(1), title)
			.update();
		person.reload();
		assertThat(person.getByTestId("consultation-phase").innerText()).isEqualTo("已结束");
		assertThat(person.getByTestId("comment-closed").innerText()).contains("意见征集已于").contains("截止");

		// the department decides on the comment and publishes its feedback report
		desk.navigate(workbenchUrl);
		desk.getByTestId("report-publish").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("还有公开的意见未填写采纳情况");
		desk.getByTestId("adoption-select").selectOption("PARTLY");
		desk.getByTestId("adoption-reason").fill("过渡期定为六个月，不设补贴");
		desk.getByTestId("adoption-save").click();
		desk.locator("#report-note").fill("共收到意见 1 条，部分采纳。感谢参与。");
		desk.getByTestId("report-publish").click();
		assertThat(desk.getByTestId("consultation-status").innerText()).isEqualTo("已公布采纳情况");

		person.reload();
		assertThat(person.getByTestId("feedback-report").innerText()).contains("意见采纳情况").contains("感谢参与");
		assertThat(person.getByTestId("report-row").innerText()).contains("阳光厨房").containsPattern("1\\s+0\\s+1\\s+0\\s+0");
		assertThat(person.getByTestId("comment-adoption").innerText()).contains("部分采纳").contains("过渡期定为六个月");
		Accessibility.check(person);
		assertThat(person.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("the report fits a phone").isEqualTo(true);
		person.navigate(base() + "/consultations");
		assertThat(person.getByTestId("consultations-closed").innerText()).contains(title).contains("已公布意见采纳情况");
	}
}
