package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.Totp;
import tongban.support.JourneyTest;

/** Staff sign in with password and TOTP; wrong passwords lock an account with a time to retry. */
class SignInJourneyIT extends JourneyTest {

	/** Identity's own test: it makes a staff account without a department, and looks at the accounts it made. */
	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	private Account newStaff(String username, Role role) {
		String secret = Totp.newSecret();
		return accounts.save(Account.staff(username, "测试" + role.name().substring(0, 2), passwordEncoder.encode(PASSWORD),
				secret, null, "330106", java.util.EnumSet.of(role)));
	}

	@Test
	void staffNeedTheirTotpCodeBeforeTheWorkbenchOpens() {
		Account clerk = newStaff("clerk-" + System.nanoTime(), Role.COUNTER_CLERK);
		login().open().signIn(clerk.username(), PASSWORD);
		assertThat(page.url()).endsWith("/login/totp");
		accessible();

		page.navigate(base() + "/workbench");
		assertThat(page.url()).as("no workbench before the second factor").endsWith("/login/totp");

		login().totp("12345");
		assertThat(page.title()).startsWith("错误：");
		assertThat(login().errorSummary()).contains("动态验证码不正确");

		login().totp(Totp.code(clerk.totpSecret(), Instant.now()));
		assertThat(page.url()).matches(".*/workbench(\\?continue)?");
		assertThat(page.getByTestId("staff-profile").innerText()).contains("窗口人员").contains("浙江省 杭州市 西湖区");
		accessible();

		var citizen = newCitizen("沙和尚", 1);
		page.getByText("现场核验身份").click();
		page.locator("#name").fill(citizen.name());
		page.locator("#idNumber").fill(citizen.idNumber());
		page.locator("button[type=submit]").last().click();
		assertThat(page.getByTestId("banner").innerText()).contains("L3");
		assertThat(accounts.findById(citizen.id()).orElseThrow().assuranceLevel()).isEqualTo(3);
		accessible();

		page.navigate(base() + "/console/clients");
		assertThat(page.title()).as("a clerk is not a platform admin").contains("没有权限");
		header().signOut();
	}

	@Test
	void platformAdminRegistersAClientInTheConsole() {
		Account admin = newStaff("admin-" + System.nanoTime(), Role.PLATFORM_ADMIN);
		login().open().signIn(admin.username(), PASSWORD).totp(Totp.code(admin.totpSecret(), Instant.now()));
		page.navigate(base() + "/console/clients");
		accessible();
		page.locator("#name").fill("不动产登记系统");
		page.locator("#redirectUris").fill("http://evil.example/cb");
		page.locator("main form button[type=submit]").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("回调地址须是 https 地址");
		page.locator("#redirectUris").fill("https://bdc.example.gov.cn/callback");
		page.locator("main form button[type=submit]").click();
		assertThat(page.getByTestId("client-created").innerText()).contains("tb-");
		assertThat(page.getByTestId("client-secret").innerText()).hasSizeGreaterThan(30);
		assertThat(page.content()).contains("不动产登记系统");
	}

	@Test
	void repeatedFailuresLockTheAccountAndSayWhenToRetry() {
		var citizen = newCitizen("唐三藏", 1);
		for (int i = 0; i < 4; i++) {
			login().open().signIn(citizen.idNumber(), "wrong-password-" + i);
			assertThat(login().errorSummary()).contains("账号或密码不正确");
			assertThat(page.locator("#username").inputValue()).as("typed value kept").isEqualTo(citizen.idNumber());
		}
		login().open().signIn(citizen.idNumber(), "wrong-password-5");
		assertThat(login().errorSummary()).containsPattern("账号已暂时锁定，请于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 之后再试");
		login().open().signIn(citizen.idNumber(), PASSWORD);
		assertThat(login().errorSummary()).as("even the right password waits").contains("账号已暂时锁定");
		assertThat(header().signedIn()).isFalse();
		accessible();
		assertThat(jdbc.sql("select count(*) from identity_sign_in_event where account_id = ? and outcome = 'LOCKED'")
			.param(citizen.id()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void unknownAccountAndWrongPasswordGetTheSameMessage() {
		var citizen = newCitizen("白骨精", 1);
		login().open().signIn("nobody-" + System.nanoTime(), PASSWORD);
		String unknown = login().errorSummary();
		login().open().signIn(citizen.mobile(), "not-the-password");
		assertThat(login().errorSummary()).isEqualTo(unknown);
		login().open().signIn(citizen.mobile(), PASSWORD);
		assertThat(page.url()).as("mobile works as a username").endsWith("/account");
	}

	@Test
	void platformAdminCreatesAStaffAccountWhoSignsInAndChangesThePassword() {
		Account admin = newStaff("admin-" + System.nanoTime(), Role.PLATFORM_ADMIN);
		login().open().signIn(admin.username(), PASSWORD).totp(Totp.code(admin.totpSecret(), Instant.now()));
		page.navigate(base() + "/console/staff");
		accessible();
		String username = "approver" + System.nanoTime() % 100000;
		page.locator("#username").fill("9bad name");
		page.locator("#name").fill("审批员甲");
		page.getByTestId("staff-submit").click();
		assertThat(page.title()).startsWith("错误：");
		String errors = page.getByTestId("error-summary").innerText();
		assertThat(errors).contains("工作账号须以小写字母开头").contains("请选择部门").contains("请至少选择一个角色");
		assertThat(page.locator("#name").inputValue()).isEqualTo("审批员甲");

		page.locator("#username").fill(username);
		page.locator("#departmentCode").selectOption("XH-SCJG");
		page.locator("#roles-APPROVER").check();
		page.getByTestId("staff-submit").click();
		String initial = page.getByTestId("staff-password").innerText();
		String secret = page.getByTestId("staff-totp").innerText();
		assertThat(accounts.findByUsername(username).orElseThrow().roles()).containsExactly(Role.APPROVER);
		header().signOut();

		login().open().signIn(username, initial).totp(Totp.code(secret, Instant.now()));
		assertThat(page.getByTestId("staff-profile").innerText()).contains("审批人员").contains("杭州市西湖区市场监督管理局");
		page.navigate(base() + "/password");
		accessible();
		page.locator("#current").fill("not-it");
		page.locator("#password").fill("12345678");
		page.locator("#passwordConfirm").fill("12345678");
		page.getByTestId("password-submit").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("当前密码不正确").contains("这个密码太常见");
		page.locator("#current").fill(initial);
		page.locator("#password").fill("钱塘江-潮水-2026");
		page.locator("#passwordConfirm").fill("钱塘江-潮水-2026");
		page.getByTestId("password-submit").click();
		assertThat(page.getByTestId("banner").innerText()).contains("密码已修改");
		header().signOut();
		login().open().signIn(username, initial);
		assertThat(login().errorSummary()).contains("账号或密码不正确");
		login().open().signIn(username, "钱塘江-潮水-2026");
		assertThat(page.url()).endsWith("/login/totp");
	}
}
