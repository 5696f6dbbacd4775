package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.domain.AccountRepository;
import tongban.shared.IdNumber;
import tongban.support.JourneyTest;
import tongban.support.TestPeople;
import tongban.support.pages.AccountPage;
import tongban.support.pages.RegisterPage;

/** A citizen registers (first with a wrong check digit), signs in, uses elder mode and signs out. */
class RegistrationJourneyIT extends JourneyTest {

	/** Identity's own test: it looks at the accounts it made. */
	@Autowired
	AccountRepository accounts;

	record Person(String idNumber, String name) {
	}

	/** Someone in the (synthetic) population register who has no account yet. */
	private Person unregisteredResident() {
		return jdbc.sql("""
				select r.id_number_enc, r.name from identity_population_register r
				where not exists (select 1 from identity_account a where a.id_number_index = r.id_index)
				order by random() limit 1""").query((rs, n) -> new Person(keys.decrypt(rs.getString(1)), rs.getString(2))).single();
	}

	@Test
	void citizenRegistersSignsInUsesElderModeAndSignsOut() {
		Person p = unregisteredResident();
		String mobile = TestPeople.mobile();
		RegisterPage register = new RegisterPage(page, base()).open();
		accessible();

		register.fill(p.name(), TestPeople.withWrongCheckDigit(p.idNumber()), mobile, PASSWORD, PASSWORD);
		assertThat(page.title()).startsWith("错误：");
		assertThat(register.errorSummary()).contains("身份证号码校验位不正确");
		assertThat(register.inlineError("idNumber")).contains("身份证号码校验位不正确");
		assertThat(page.locator("#name").inputValue()).as("input kept").isEqualTo(p.name());
		assertThat(page.locator("#password").inputValue()).as("passwords never echoed").isEmpty();
		assertThat(page.locator(".error-summary a[href='#idNumber']").count()).isEqualTo(1);
		accessible();
		assertThat(accounts.existsByMobileIndex(keys.blindIndex(mobile))).as("nothing saved").isFalse();

		register.fill(p.name(), p.idNumber(), mobile, PASSWORD, PASSWORD);
		assertThat(page.url()).endsWith("/register/verify");
		assertThat(page.content()).contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
		accessible();
		register.enterCode("000000".equals(lastSmsCode(mobile)) ? "111111" : "000000");
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("验证码不正确");
		register.enterCode(lastSmsCode(mobile));

		AccountPage account = new AccountPage(page, base());
		assertThat(page.url()).endsWith("/account");
		assertThat(account.banner()).contains("注册成功");
		assertThat(account.assurance()).as("matched the population register").contains("L2");
		assertThat(account.maskedId()).isEqualTo(IdNumber.normalise(p.idNumber()).substring(0, 6) + "********"
				+ p.idNumber().substring(14));
		assertThat(page.content()).doesNotContain(p.idNumber());
		accessible();

		header().toggleElderMode();
		assertThat(header().elderMode()).isTrue();
		page.navigate(base() + "/");
		assertThat(header().elderMode()).as("the choice persists").isTrue();
		accessible();
		header().toggleElderMode();
		assertThat(header().elderMode()).isFalse();

		header().signOut();
		assertThat(header().signedIn()).isFalse();
		login().open().signIn(p.idNumber(), PASSWORD);
		assertThat(page.url()).endsWith("/account");
		assertThat(header().accountText()).contains(p.name());
		page.navigate(base() + "/account");
		assertThat(page.locator("text=登录成功").count()).as("sign-in recorded").isGreaterThan(0);
		header().signOut();
		page.navigate(base() + "/account");
		assertThat(page.url()).as("signed out for real").endsWith("/login");
	}

	@Test
	void everyBadInputGetsItsOwnMessageAndNothingIsSaved() {
		String mobile = TestPeople.mobile();
		RegisterPage register = new RegisterPage(page, base()).open();
		String feb30 = "33010619900230123";
		String noRegion = "99010619900101123";
		String[][] cases = {
				{ "张三", feb30 + IdNumber.checkCharacter(feb30), mobile, PASSWORD, "身份证号码中的出生日期不正确" },
				{ "张三", noRegion + IdNumber.checkCharacter(noRegion), mobile, PASSWORD, "不是有效的行政区划代码" },
				{ "张三", TestPeople.idNumber(), "12345", PASSWORD, "手机号码应为 11 位数字" },
				{ "张三", TestPeople.idNumber(), mobile, "12345678", "这个密码太常见" },
				{ "张三", TestPeople.idNumber(), mobile, "short", "密码至少需要 8 位" },
				{ "<script>", TestPeople.idNumber(), mobile, PASSWORD, "姓名只能包含汉字" } };
		for (String[] c : cases) {
			register.fill(c[0], c[1], c[2], c[3], c[3]);
			assertThat(page.title()).startsWith("错误：");
			assertThat(register.errorSummary()).contains(c[4]);
		}
		assertThat(accounts.existsByMobileIndex(keys.blindIndex(mobile))).isFalse();
		assertThat(jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?").param(keys.blindIndex(mobile)).query(Long.class).single())
			.as("no code sent for bad input").isZero();
	}

	@Test
	void duplicateRegistrationSaysNothingAboutTheOtherAccount() {
		var existing = newCitizen("孙悟空", 1);
		RegisterPage register = new RegisterPage(page, base()).open();
		register.fill("猪八戒", existing.idNumber(), TestPeople.mobile(), PASSWORD, PASSWORD);
		String summary = register.errorSummary();
		assertThat(summary).contains("无法用这些信息注册");
		assertThat(summary).doesNotContain("孙").doesNotContain(existing.mobile().substring(7));
		register.fill("猪八戒", TestPeople.idNumber(), existing.mobile(), PASSWORD, PASSWORD);
		assertThat(register.errorSummary()).contains("无法用这些信息注册");
	}
}
