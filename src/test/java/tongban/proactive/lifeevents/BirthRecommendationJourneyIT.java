package tongban.proactive.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;

/**
 * Issue 19's "done when" for life events: the father turns off 生育服务 notices on 消息设置; a birth is entered in the
 * birth register; both parents see the 新生儿出生 recommendation with its reason on 为您推荐 (reached from the account
 * home, on a phone), and the platform's read of their population record on 谁查询了我的数据; the mother dismisses it;
 * the father got no message but still sees the card.
 */
class BirthRecommendationJourneyIT extends JourneyTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Test
	void bothParentsSeeTheNewbornRecommendationAndTheReadOnTheirPage() {
		LifeEventsDemoData.platformReads(grants);
		Citizen mother = newCitizen("旅程母亲", 2);
		Citizen father = newCitizen("旅程父亲", 2);
		for (Citizen parent : List.of(mother, father)) {
			catalogue.putRecord("XH-GA-RK", parent.idNumber(), Map.of("name", parent.name(), "idNumber", parent.idNumber(), "gender",
					parent == mother ? "女" : "男", "birthDate", "1992-08-08", "ethnicity", "汉族", "householdAddress", "浙江省杭州市西湖区文三路 1 号"));
		}

		Page dad = citizenPage(father);
		dad.navigate(base() + "/account/messages");
		dad.getByTestId("preferences-link").click();
		assertThat(dad.getByTestId("always-sent").innerText()).contains("不能关闭").contains("为您推荐");
		dad.locator("#topic-BIRTH").uncheck();
		dad.locator("#quiet").check();
		dad.locator("#quietFrom").fill("25:00");
		dad.getByTestId("save-preferences").click();
		assertThat(dad.getByTestId("error-summary").innerText()).contains("时:分");
		assertThat(dad.title()).startsWith("错误");
		dad.locator("#quietFrom").fill("21:00");
		dad.locator("#quietUntil").fill("08:00");
		dad.locator("#topic-BIRTH").uncheck();
		dad.getByTestId("save-preferences").click();
		assertThat(dad.getByTestId("banner").innerText()).contains("已保存");
		assertThat(dad.locator("#topic-BIRTH").isChecked()).isFalse();

		String number = "Q" + Long.toString(System.nanoTime(), 36).toUpperCase();
		LocalDate born = LocalDate.now(Clocks.ZONE).minusDays(2);
		catalogue.putRecord("XH-WJ-CS", number, Map.of("certificateNumber", number, "childName", "旅程宝宝", "gender", "男", "birthDate", born.toString(),
				"birthPlace", "杭州市西湖区", "motherName", mother.name(), "motherIdNumber", mother.idNumber(), "fatherName", father.name(), "fatherIdNumber",
				father.idNumber()));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from proactive_recommendation where rule_code = 'LE-BIRTH' "
				+ "and party_id in (?, ?)").params(mother.id(), father.id()).query(Long.class).single() == 2);

		Page mum = citizenPage(mother);
		mum.navigate(base() + "/account");
		mum.getByTestId("recommendations-link").click();
		var card = mum.getByTestId("recommendation").first();
		assertThat(card.innerText()).contains("新生儿出生").contains("因为您的孩子旅程宝宝于" + Dates.words(born) + "出生");
		assertThat(card.getByTestId("act").getAttribute("href")).isEqualTo("/bundles/XH-YJS-NEWBORN");
		assertThat(mum.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone").isEqualTo(true);
		page = mum;
		accessible();
		mum.navigate(base() + "/account/data-access");
		assertThat(mum.getByTestId("reads").innerText()).contains("主动服务").contains("LE-BIRTH");
		mum.navigate(base() + "/account/messages");
		assertThat(mum.getByTestId("messages").innerText()).contains("为您推荐");
		mum.navigate(base() + "/account/recommendations");
		mum.getByTestId("dismiss").first().click();
		assertThat(mum.getByTestId("banner").innerText()).contains("不再提示");
		assertThat(mum.getByTestId("no-recommendations").isVisible()).isTrue();

		dad.navigate(base() + "/account/recommendations");
		assertThat(dad.getByTestId("recommendation").first().innerText()).contains("旅程宝宝");
		dad.navigate(base() + "/account/data-access");
		assertThat(dad.getByTestId("reads").innerText()).contains("主动服务").contains("LE-BIRTH");
		dad.navigate(base() + "/account/messages");
		assertThat(dad.locator("main").innerText()).doesNotContain("为您推荐：");
		dad.context().close();
		mum.context().close();
	}
}
