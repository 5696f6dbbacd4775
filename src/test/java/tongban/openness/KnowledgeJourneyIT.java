package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tongban.identity.Role;
import tongban.support.Accessibility;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * In Chromium: a hotline operator registers a caller's 咨询 about replacing a lost social security card (the
 * suggestions show while typing), sees the knowledge base's suggested answers on the ticket (the right one in the top three), answers from it and the ticket is
 * closed with that answer, recorded; a citizen on a 360 px phone asks the same in the 智能问答 box on the home page
 * and gets the answer with its source, in place and as the plain form's page.
 */
class KnowledgeJourneyIT extends JourneyTest {

	@Test
	void anOperatorAnswersAConsultationFromASuggestionAndACitizenAsksOnAPhone() {
		Staff operator = newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "林话务");
		Page desk = staffPage(operator);
		desk.navigate(base() + "/workbench/hotline/new");
		desk.locator("#type").selectOption("CONSULT");
		desk.locator("#categoryCode").selectOption("RS0102");
		desk.locator("#regionCode").selectOption("330106");
		desk.locator("#description").fill("来电人说社保卡弄丢了，已经打电话挂失，问补办新卡去哪里办、多久能拿到。");
		// while typing, the intake form already shows what the knowledge base would answer (htmx)
		desk.locator("#description").press("End");
		assertThat(desk.getByTestId("answer-preview").innerText()).contains("社会保障卡挂失后怎么补办");
		desk.locator("#phone").fill("0571-87005678");
		desk.getByTestId("ticket-submit").click();

		Locator suggestions = desk.getByTestId("answer-suggestion");
		List<String> top3 = suggestions.allInnerTexts().stream().limit(3).toList();
		assertThat(top3).anyMatch(t -> t.contains("社会保障卡挂失后怎么补办"));
		Accessibility.check(desk);
		Locator chosen = suggestions.filter(new Locator.FilterOptions().setHasText("社会保障卡挂失后怎么补办")).first();
		String answer = chosen.locator("p").first().innerText();
		chosen.getByTestId("answer-submit").click();
		assertThat(desk.getByTestId("ticket-status").innerText()).isEqualTo("已办结");
		assertThat(desk.getByTestId("banner").innerText()).contains("已按知识库条目答复并办结");
		assertThat(desk.locator("main").innerText()).contains(answer).contains("当场答复办结").contains("社会保障卡挂失后怎么补办");
		assertThat(desk.getByTestId("answer-suggestions").count()).isZero();

		Page phone = Browser.newContext(360, 740).newPage();
		phone.setDefaultTimeout(15_000);
		phone.navigate(base() + "/");
		phone.locator("#qa").fill("社保卡丢了怎么补办");
		phone.locator("#qa").press("Enter");
		Locator first = phone.locator("#qa-answers [data-testid=knowledge-answer]").first();
		assertThat(first.innerText()).contains("来源");
		assertThat(phone.locator("#qa-answers").innerText()).contains("社会保障卡挂失后怎么补办");
		assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= 360")).as("no sideways scrolling").isTrue();
		Accessibility.check(phone);

		// the form without JavaScript: a GET to /knowledge
		phone.navigate(base() + "/knowledge?q=社保卡丢了怎么补办");
		assertThat(phone.getByTestId("knowledge-answers").innerText()).contains("社会保障卡挂失后怎么补办");
		phone.getByTestId("knowledge-answer").first().locator("h3 a").click();
		assertThat(phone.getByTestId("knowledge-source").first().getAttribute("href")).isNotBlank();
		Accessibility.check(phone);
	}
}
