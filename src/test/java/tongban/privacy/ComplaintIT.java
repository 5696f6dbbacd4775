package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * 个人信息投诉: a signed-in person's complaint becomes a 12345 ticket of the personal-information category, from their
 * account, whose number the next page shows; a text with a NUL or an empty one is refused beside the field and files
 * nothing; the /privacy page and the centre name the officer and lead here.
 */
class ComplaintIT extends IntegrationTest {

	@Test
	void aComplaintIsFiledAsATicketAndItsNumberShown() {
		Citizen citizen = newCitizen("冯投诉", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		assertThat(browser.get("/account/privacy").body()).contains("data-testid=\"privacy-centre-officer\"").contains("privacy-complaint-link");
		assertThat(browser.get("/account/privacy/complaint").body()).contains("name=\"text\"");
		HttpResponse<String> filed = browser.post("/account/privacy/complaint", "text", "我没有同意，但办事页面调取了我的社保数据。");
		assertThat(filed.statusCode()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location").orElse("")).endsWith("/account/privacy/complaint/filed");
		String page = browser.get("/account/privacy/complaint/filed").body();
		String number = page.replaceAll("(?s).*data-testid=\"complaint-number\">([^<]+)<.*", "$1");
		assertThat(number).matches("GD\\d{8}\\d{6,}");
		assertThat(page).contains("/account/tickets/" + number);
		assertThat(jdbc.sql("select category_code || ' ' || type || ' ' || channel from hotline_ticket where number = ? and account_id = ?")
			.params(number, citizen.id())
			.query(String.class)
			.single()).isEqualTo("ZW0201 COMPLAINT WEB");
		assertThat(browser.get("/account/privacy/complaint/filed").headers().firstValue("Location").orElse(""))
			.as("the number is shown once, after filing").endsWith("/account/privacy/complaint");
	}

	@Test
	void aNulOrNothingIsRefusedBesideTheFieldAndFilesNothing() {
		Citizen citizen = newCitizen("褚乱码", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		browser.get("/account/privacy/complaint");
		HttpResponse<String> nul = browser.post("/account/privacy/complaint", "text", "数据被\u0000泄露了，请处理");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("data-testid=\"complaint-text-error\"").contains("控制字符").contains("data-testid=\"error-summary\"")
			.contains("数据被泄露了，请处理");
		browser.get("/account/privacy/complaint");
		HttpResponse<String> empty = browser.post("/account/privacy/complaint", "text", "   ");
		assertThat(empty.body()).contains("data-testid=\"complaint-text-error\"").contains("请填写投诉内容");
		assertThat(jdbc.sql("select count(*) from hotline_ticket where account_id = ?").param(citizen.id()).query(Long.class).single()).isZero();
	}

	@Test
	void thePrivacyNoticeNamesTheOfficerAndTheComplaintPath() {
		String notice = new FormSession(url("")).get("/privacy").body();
		assertThat(notice).contains("data-testid=\"privacy-officer\"").contains("href=\"/account/privacy/complaint\"");
	}
}
