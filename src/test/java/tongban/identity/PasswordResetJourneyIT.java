package tongban.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * On a phone: 忘记密码 from the sign-in page, GOV.UK-style errors on each page, the code page saying when a new code
 * may be asked for (and counting down), a new password, signed in with it; the privacy notice from the footer.
 */
class PasswordResetJourneyIT extends JourneyTest {

	@Test
	void aCitizenOnAPhoneResetsTheForgottenPassword() {
		var citizen = newCitizen("周忘记", 1);
		Page phone = Browser.newContext(360, 740).newPage();
		phone.setDefaultTimeout(15_000);
		page = phone;
		login().open();
		phone.getByTestId("forgot-password").click();
		assertThat(phone).hasURL(Pattern.compile(".*/password/reset$"));
		accessible();

		phone.getByTestId("reset-submit").click();
		assertThat(phone.title()).startsWith("错误：");
		assertThat(phone.getByTestId("error-summary").innerText()).contains("请输入手机号码");
		assertThat(phone.locator("#mobile-error")).containsText("请输入手机号码");
		accessible();

		phone.locator("#mobile").fill(citizen.mobile());
		phone.getByTestId("reset-submit").click();
		assertThat(phone).hasURL(Pattern.compile(".*/password/reset/verify$"));
		assertThat(phone.getByTestId("resend-at")).containsText(Pattern.compile("可在 \\d{2}:\\d{2}:\\d{2} 之后重新获取验证码"));
		assertThat(phone.locator("[data-countdown-text]")).containsText("秒");
		accessible();

		phone.locator("#code").fill("000000".equals(lastSmsCode(citizen.mobile())) ? "111111" : "000000");
		phone.locator("#password").fill("Xihu-lake-2026");
		phone.locator("#passwordConfirm").fill("Xihu-lake-2027");
		phone.getByTestId("reset-verify-submit").click();
		String errors = phone.getByTestId("error-summary").innerText();
		assertThat(errors).contains("验证码不正确").contains("两次输入的密码不一致");
		accessible();

		phone.locator("#code").fill(lastSmsCode(citizen.mobile()));
		phone.locator("#password").fill("Xihu-lake-2026");
		phone.locator("#passwordConfirm").fill("Xihu-lake-2026");
		phone.getByTestId("reset-verify-submit").click();
		assertThat(phone.getByTestId("banner")).containsText("密码已重置");
		login().signIn(citizen.idNumber(), "Xihu-lake-2026");
		assertThat(phone).hasURL(Pattern.compile(".*/account$"));

		phone.getByTestId("footer-privacy").click();
		assertThat(phone.locator("h1")).hasText("个人信息处理规则");
		assertThat(phone.getByTestId("privacy-version")).containsText("版本 1.1");
		accessible();
		phone.context().close();
	}
}
