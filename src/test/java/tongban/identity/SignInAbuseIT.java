package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.SignInService;
import tongban.shared.TongbanProperties;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People.Staff;

/**
 * Sign-in under attack: a burst of wrong passwords for one account is counted exactly and never answers 500; wrong
 * passwords spread over many accounts lock the address (credential stuffing); a TOTP code signs in once.
 */
class SignInAbuseIT extends IntegrationTest {

	/** Identity's own test: it looks at the accounts it made. */
	@Autowired
	AccountRepository accounts;

	@Autowired
	TongbanProperties properties;

	@Autowired
	SignInService signIns;

	long events(UUID account, String outcome) {
		return jdbc.sql("select count(*) from identity_sign_in_event where account_id = ? and outcome = ?")
			.params(account, outcome)
			.query(Long.class)
			.single();
	}

	@Test
	void fortyConcurrentWrongPasswordsAreCountedExactlyAndLockOnce() throws Exception {
		var citizen = newCitizen("沙悟净", 1);
		FormSession browser = new FormSession(url(""));
		browser.get("/login");
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 40; i++) {
				String guess = "wrong-guess-" + i;
				answers.add(CompletableFuture.supplyAsync(() -> browser.post("/login", "username", citizen.idNumber(), "password", guess), pool));
			}
		}
		for (var answer : answers) {
			HttpResponse<String> r = answer.join();
			assertThat(r.statusCode()).as("a refused sign-in, not an error: " + r.body()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		}
		var row = jdbc.sql("select failed_attempts, lock_count, locked_until > now() from identity_account where id = ?")
			.param(citizen.id())
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getBoolean(3) ? 1 : 0))
			.single();
		assertThat(row).as("failures counted to the threshold, one lock, still locked").containsExactly(0, 1, 1);
		assertThat(events(citizen.id(), "FAILURE")).as("failures before the lock").isEqualTo(properties.lockThreshold() - 1);
		assertThat(events(citizen.id(), "FAILURE") + events(citizen.id(), "LOCKED") + events(citizen.id(), "ADDRESS_LOCKED"))
			.as("every attempt recorded once").isEqualTo(40);

		signIns.forgetAddress("127.0.0.1");
		FormSession owner = new FormSession(url(""));
		assertThat(owner.signIn(citizen.idNumber(), PASSWORD)).as("even the right password waits").endsWith("/login?error");
		assertThat(owner.get("/login?error").body()).contains("账号已暂时锁定");
	}

	@Test
	void wrongPasswordsSpreadOverAccountsLockTheAddress() {
		List<Citizen> targets = List.of(newCitizen("甲一", 1), newCitizen("乙二", 1), newCitizen("丙三", 1), newCitizen("丁四", 1));
		FormSession attacker = new FormSession(url(""));
		for (int round = 0; round < 4; round++) {
			for (Citizen c : targets) {
				attacker.signIn(c.mobile(), "stuffed-password-" + round);
			}
		}
		Citizen last = targets.getLast();
		assertThat(attacker.signIn(last.mobile(), PASSWORD)).as("the right password from that address").endsWith("/login?error");
		assertThat(attacker.get("/login?error").body()).containsPattern("本网络登录失败次数过多，已暂时锁定，请于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 之后再试");
		assertThat(events(last.id(), "ADDRESS_LOCKED")).isPositive();
		for (Citizen c : targets) {
			assertThat(accounts.findById(c.id()).orElseThrow().lockedAt(Instant.now())).as("no account itself reached its lock").isFalse();
		}
	}

	@Test
	void aTotpCodeSignsInOnceEvenWhenSentTwiceAtOnce() {
		Staff clerk = newStaff("XH-SCJG", Role.COUNTER_CLERK, "测试窗口");
		FormSession first = new FormSession(url(""));
		assertThat(first.signIn(clerk.username(), clerk.password())).endsWith("/login/totp");
		first.get("/login/totp");
		String code = clerk.totpCode();
		assertThat(first.post("/login/totp", "code", code).statusCode()).isEqualTo(302);

		FormSession replay = new FormSession(url(""));
		replay.signIn(clerk.username(), clerk.password());
		replay.get("/login/totp");
		HttpResponse<String> again = replay.post("/login/totp", "code", code);
		assertThat(again.statusCode()).as("the same code a second time").isEqualTo(200);
		assertThat(again.body()).contains("这个动态验证码已经用过");

		// the next step's code (accepted for clock drift), sent by two sessions at the same moment
		String next = clerk.totpCode(Instant.now().plusSeconds(30));
		FormSession one = new FormSession(url(""));
		FormSession two = new FormSession(url(""));
		one.signIn(clerk.username(), clerk.password());
		one.get("/login/totp");
		two.signIn(clerk.username(), clerk.password());
		two.get("/login/totp");
		List<CompletableFuture<HttpResponse<String>>> both;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			both = List.of(CompletableFuture.supplyAsync(() -> one.post("/login/totp", "code", next), pool),
					CompletableFuture.supplyAsync(() -> two.post("/login/totp", "code", next), pool));
		}
		assertThat(both.stream().filter(f -> f.join().statusCode() == 302).count()).as("exactly one signs in").isEqualTo(1);
	}

}
