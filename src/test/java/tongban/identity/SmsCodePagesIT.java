package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.domain.AccountRepository;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * The pages that send SMS codes (registration, 忘记密码) cannot flood a number or send to many numbers: one code a
 * minute per mobile, five in ten minutes per address, the refusal says until when; the verify page states when a new
 * code may be asked for, offers it and a change of number. Registration needs consent to the privacy notice, and
 * records it; a password reset never says whether the number has an account, uses its code once, ends the account's
 * sessions and is in the sign-in log.
 */
class SmsCodePagesIT extends IntegrationTest {

	/** Identity's own test: it looks at the accounts it made. */
	@Autowired
	AccountRepository accounts;

	long smsTo(String mobile) {
		return jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?")
			.param(keys.blindIndex(mobile))
			.query(Long.class)
			.single();
	}

	HttpResponse<String> register(FormSession browser, String mobile, boolean consent) {
		browser.get("/register");
		return browser.post("/register", "name", "钱塘", "idNumber", TestPeople.idNumber(), "mobile", mobile, "password", PASSWORD,
				"passwordConfirm", PASSWORD, "consent", consent ? "yes" : "");
	}

	@Test
	void registrationWithoutConsentIsRefusedAtTheBox() {
		String mobile = TestPeople.mobile();
		HttpResponse<String> page = register(new FormSession(url("")), mobile, false);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>错误：").contains("href=\"#consent\"").contains("id=\"consent-error\"")
			.contains("请阅读个人信息处理规则，勾选同意后再注册").contains("href=\"/privacy\"");
		assertThat(smsTo(mobile)).as("no code without consent").isZero();
	}

	@Test
	void codesAreLimitedPerMobileAndPerAddressAndTheNumberCanBeChanged() {
		FormSession browser = new FormSession(url(""));
		String mobile = TestPeople.mobile();
		assertThat(register(browser, mobile, true).headers().firstValue("Location").orElse("")).endsWith("/register/verify");
		String verify = browser.get("/register/verify").body();
		assertThat(verify).containsPattern("如未收到短信，可在 \\d{2}:\\d{2}:\\d{2} 之后重新获取验证码。")
			.contains("data-testid=\"resend\"")
			.contains("href=\"/register/mobile\"");

		HttpResponse<String> tooSoon = browser.post("/register/resend");
		assertThat(tooSoon.body()).containsPattern("该手机号获取验证码过于频繁，请于 \\d{2}:\\d{2}:\\d{2} 之后再获取").contains("<title>错误：");
		assertThat(smsTo(mobile)).as("one code, not two").isEqualTo(1);

		browser.get("/register/mobile");
		String other = TestPeople.mobile();
		assertThat(browser.post("/register/mobile", "mobile", other).headers().firstValue("Location").orElse("")).endsWith("/register/verify");
		assertThat(browser.get("/register/verify").body()).contains(other.substring(0, 3) + "****" + other.substring(7));
		assertThat(smsTo(other)).isEqualTo(1);

		for (int i = 0; i < 3; i++) {
			register(new FormSession(url("")), TestPeople.mobile(), true);
		}
		String sixth = TestPeople.mobile();
		HttpResponse<String> refused = register(new FormSession(url("")), sixth, true);
		assertThat(refused.body()).containsPattern("本网络获取验证码次数过多，请于 \\d{2}:\\d{2}:\\d{2} 之后再试").contains("href=\"#mobile\"");
		assertThat(smsTo(sixth)).isZero();

		browser.get("/register/verify");
		assertThat(browser.post("/register/verify", "code", lastSmsCode(other)).headers().firstValue("Location").orElse("")).endsWith("/account");
		UUID id = accounts.findByMobileIndex(keys.blindIndex(other)).orElseThrow().id();
		assertThat(jdbc.sql("select purpose || ' ' || notice_version || ' ' || channel from identity_consent where account_id = ?")
			.param(id).query(String.class).list()).containsExactly("REGISTRATION 1.1 WEB");
	}

	@Test
	void aCitizenResetsThePasswordBySmsAndOtherSessionsEnd() {
		var citizen = newCitizen("陈忘记", 1);
		FormSession elsewhere = new FormSession(url(""));
		assertThat(elsewhere.signIn(citizen.idNumber(), PASSWORD)).endsWith("/account");
		assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);

		FormSession browser = new FormSession(url(""));
		assertThat(browser.get("/login").body()).contains("href=\"/password/reset\"");
		browser.get("/password/reset");
		assertThat(browser.post("/password/reset", "mobile", citizen.mobile()).headers().firstValue("Location").orElse(""))
			.endsWith("/password/reset/verify");
		String code = lastSmsCode(citizen.mobile());
		browser.get("/password/reset/verify");
		HttpResponse<String> common = browser.post("/password/reset/verify", "code", code, "password", "12345678", "passwordConfirm", "12345678");
		assertThat(common.body()).contains("这个密码太常见").contains("<title>错误：");
		String fresh = "Xihu-lake-" + System.nanoTime();
		assertThat(browser.post("/password/reset/verify", "code", code, "password", fresh, "passwordConfirm", fresh)
			.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(browser.post("/password/reset/verify", "code", code, "password", fresh, "passwordConfirm", fresh)
			.headers().firstValue("Location").orElse("")).as("the code is used once").endsWith("/password/reset");

		assertThat(elsewhere.get("/account").headers().firstValue("Location").orElse("")).as("the other session ended").endsWith("/login");
		assertThat(new FormSession(url("")).signIn(citizen.idNumber(), PASSWORD)).endsWith("/login?error");
		assertThat(new FormSession(url("")).signIn(citizen.idNumber(), fresh)).endsWith("/account");
		assertThat(jdbc.sql("select count(*) from identity_sign_in_event where account_id = ? and outcome = 'PASSWORD_RESET'")
			.param(citizen.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aResetForANumberWithoutAnAccountLooksTheSameAndSendsNothing() {
		String nobody = TestPeople.mobile();
		FormSession browser = new FormSession(url(""));
		browser.get("/password/reset");
		assertThat(browser.post("/password/reset", "mobile", nobody).headers().firstValue("Location").orElse(""))
			.endsWith("/password/reset/verify");
		String page = browser.get("/password/reset/verify").body();
		assertThat(page).contains("如果 " + nobody.substring(0, 3) + "****" + nobody.substring(7) + " 是个人账号的手机号码，验证码已发送至该号码");
		assertThat(smsTo(nobody)).isZero();
		assertThat(browser.post("/password/reset/verify", "code", "123456", "password", "Xihu-lake-2026", "passwordConfirm", "Xihu-lake-2026").body())
			.contains("验证码不正确");
		browser.get("/password/reset");
		assertThat(browser.post("/password/reset", "mobile", nobody).body()).as("the same limit per number")
			.containsPattern("该手机号获取验证码过于频繁，请于 \\d{2}:\\d{2}:\\d{2} 之后再获取");
	}

	@Test
	void thePrivacyNoticeHasAVersionAndEveryPageLinksIt() {
		FormSession browser = new FormSession(url(""));
		assertThat(browser.get("/privacy").body()).contains("个人信息处理规则").contains("版本 1.1");
		assertThat(browser.get("/").body()).contains("data-testid=\"footer-privacy\"");
	}
}
