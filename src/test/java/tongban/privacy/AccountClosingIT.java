package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.identity.AccountClosure;
import tongban.identity.AccountEnrolment;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.IdNumber;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * 注销账号 (个人信息保护法 Art. 47): refused while a case is handled, naming it; otherwise the person's numbers, contacts
 * and messages go, a statement lists what was kept and why, the account can no longer sign in (and is told why), and
 * the same ID number registers again as a new account.
 */
class AccountClosingIT extends IntegrationTest {

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	AccountClosure closure;

	@Autowired
	AccountEnrolment enrolment;

	@Autowired
	IdentityManagement identity;

	@Autowired
	NotificationManagement notifications;

	private int api(String path, String token) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private FormSession signedIn(Citizen c) {
		FormSession session = new FormSession("http://localhost:" + port);
		session.signIn(c.idNumber(), PASSWORD);
		return session;
	}

	@Test
	void aCaseUnderHandlingStopsTheClosingAndIsNamed() {
		Citizen c = people.citizen("有在办件", 2);
		CaseId open = TestCases.submittedSocialSecurityCard(applying, c);
		String number = cases.find(TestCases.actor(c), open).orElseThrow().caseNumber();
		FormSession session = signedIn(c);

		assertThat(session.get("/account/privacy/close").body()).contains("data-testid=\"blocking-" + number + "\"");
		var refused = session.post("/account/privacy/close", "confirmed", "yes");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<title>错误：").contains("以下办件正在办理，暂不能注销账号：" + number);
		assertThat(closure.closed(c.id())).isFalse();
	}

	@Test
	void closingDeletesWhatNoLawKeepsListsWhatIsKeptAndRefusesSignInThenTheNumberRegistersAgain() throws Exception {
		Citizen c = people.citizen("注销测试", 2);
		identity.contact(c.id()).ifPresent(contact -> notifications.notify(contact.recipient(), "PRIVACY_EXPORT_READY", Map.of("expires", "明天"), "/"));
		FormSession session = signedIn(c);
		String token = accessToken(c.id(), "cases.read");
		assertThat(api("/api/cases", token)).as("an app's token before the closing").isEqualTo(200);
		session.get("/account/privacy/close");

		var unconfirmed = session.post("/account/privacy/close");
		assertThat(unconfirmed.body()).contains("data-testid=\"confirm-error\"").contains("请勾选确认后再注销账号");
		assertThat(closure.closed(c.id())).isFalse();

		var closed = session.post("/account/privacy/close", "confirmed", "yes");

		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(closed.body()).contains("账号已注销").contains("审计日志和登录记录").contains("《中华人民共和国网络安全法》第二十一条")
			.contains("《中华人民共和国个人信息保护法》第五十六条").contains("站内消息 1 条");
		assertThat(closure.closed(c.id())).isTrue();
		assertThat(jdbc.sql("select count(*) from identity_account where id = ? and id_number_enc is null and id_number_index is null and mobile_enc is null")
			.param(c.id()).query(Long.class).single()).as("the numbers are gone").isEqualTo(1);
		assertThat(notifications.messages(c.id(), 10)).isEmpty();
		assertThat(jdbc.sql("select count(*) from privacy_closure where account_id = ?").param(c.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(session.get("/account").statusCode()).as("the session ended").isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?").param(c.id().toString()).query(Long.class).single())
			.as("the apps' tokens are revoked").isZero();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api("/api/cases", token)).as("the app's token after the closing").isEqualTo(401));

		FormSession again = new FormSession("http://localhost:" + port);
		assertThat(again.signIn(c.idNumber(), PASSWORD)).contains("/login?error");
		assertThat(again.get("/login?error").body()).contains("该账号已注销，不能登录");

		UUID second = enrolment.enrolCitizen("注销测试", new IdNumber(c.idNumber()), TestPeople.mobile(), PASSWORD, 1);
		assertThat(second).isNotEqualTo(c.id());
		assertThat(new FormSession("http://localhost:" + port).signIn(c.idNumber(), PASSWORD)).doesNotContain("error");
	}
}
