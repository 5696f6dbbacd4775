package tongban.proactive.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;

/**
 * A resident who has just turned 80, on a phone: finds the 高龄津贴 notice among their messages, opens the decision,
 * reads which data and rule made it, confirms with their bank card (shown masked afterwards), then contests the amount,
 * first forgetting the reason.
 */
class ElderlyAllowanceJourneyIT extends JourneyTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Autowired
	BenefitPolicies policies;

	@Autowired
	BenefitBatch batch;

	@Test
	void noticeExplainedConfirmedContested() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		String prefix = "浙江省杭州市西湖区旅程街道" + nonce;
		var grant = (Grant) grants.requestGrant("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "高龄津贴测试", "测试依据",
				today.plusDays(2), "测试");
		grants.decide(grant.id(), "XH-GA", true, null, "测试");
		Citizen resident = people.citizen("钱老伯", 2);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", resident.name());
		values.put("idNumber", resident.idNumber());
		values.put("birthDate", today.minusYears(80).toString());
		values.put("householdAddress", prefix + " 1 号");
		catalogue.putRecord("XH-GA-RK", resident.idNumber(), values);
		String code = "T-JRNY-" + nonce;
		assertThat(policies.save(new PolicyDraft(null, code, "高龄津贴（旅程" + nonce + "）", "PERSON", "XH-GA-RK",
				List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "80"), new Condition("XH-GA-RK", "householdAddress", Operator.STARTS_WITH, prefix)),
				"AGE_BANDS", "birthDate", null, "80:100；90:300", "CONFIRM", "MONTHLY", "idNumber", "name", "《中华人民共和国老年人权益保障法》第三十三条", "/policies"),
				"XH-MZ", "测试")).isEmpty();
		batch.run(policies.byCode(code).orElseThrow(), "测试", today);

		Page phone = citizenPage(resident);
		try {
			phone.navigate(base() + "/account/messages");
			Locator notice = phone.locator("li, article, tr").filter(new Locator.FilterOptions().setHasText("高龄津贴（旅程" + nonce)).first();
			assertThat(notice.innerText()).contains("一键确认");
			notice.locator("a").first().click();
			phone.waitForLoadState();
			assertThat(phone.locator("h1").innerText()).contains("高龄津贴");
			assertThat(phone.getByTestId("explanation").innerText()).contains("年满 80（成立）").contains(prefix);
			assertThat(phone.getByTestId("rule").innerText()).contains(code).contains("第 1 版");
			assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone").isEqualTo(true);
			var confirm = phone.getByTestId("confirm").boundingBox();
			assertThat(confirm.height).as("a big target").isGreaterThanOrEqualTo(40);

			phone.locator("#bankAccount").fill("6222 0212 3456 7890 123");
			phone.getByTestId("confirm").click();
			phone.waitForLoadState();
			assertThat(phone.getByTestId("banner").innerText()).contains("已确认领取");
			assertThat(phone.getByTestId("status").innerText()).isEqualTo("已核定发放");
			assertThat(phone.getByTestId("orders").innerText()).contains("**** **** **** 0123").doesNotContain("6222021234567890123");

			phone.getByTestId("contest").click();
			phone.waitForLoadState();
			assertThat(phone.title()).startsWith("错误");
			assertThat(phone.getByTestId("error-summary").innerText()).contains("请写明提出异议的理由");
			assertThat(phone.locator("#reason-error").isVisible()).isTrue();
			phone.locator("#reason").fill("我今年已满九十岁，档次不对");
			phone.getByTestId("contest").click();
			phone.waitForLoadState();
			assertThat(phone.getByTestId("banner").innerText()).contains("异议已提交");
			assertThat(phone.getByTestId("contest-OPEN").innerText()).contains("档次不对").contains("处理中");
		}
		finally {
			phone.context().close();
		}
	}
}
