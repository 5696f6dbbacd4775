package tongban.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.support.People.Staff;
import tongban.identity.domain.ProxyGrant;
import tongban.identity.domain.ProxyGrantRepository;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * Who is acting, as pages and the API see it ({@link ActingResolver}): a citizen's page and API call, a member of staff's
 * page and API call, each with the right visitor, the wrong kind of visitor and nobody: what the pages and the API
 * answered before the resolver, kept. Staff on a citizen's page and a citizen on a staff page are refused by the
 * security rules (403); a proxy whose grant does not cover a page is "not found"; an API call with the wrong kind of
 * token is 403 problem+json; nobody is sent to sign in (401 on the API).
 */
class ActingResolverIT extends IntegrationTest {

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ProxyGrantRepository proxies;

	HttpResponse<String> api(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertForbiddenProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"forbidden\"");
	}

	@Test
	void aCitizensPageServesTheCitizenAndNoOneElse() {
		Citizen citizen = newCitizen("页面公民", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		assertThat(browser.get("/account/licences").statusCode()).isEqualTo(200);

		// a proxy acting for the citizen within a grant for one item: the wallet is not theirs to see
		Citizen proxy = newCitizen("页面代办", 2);
		proxies.save(new ProxyGrant(citizen.id(), proxy.id(), "个体工商户设立登记", LocalDate.now().plusDays(30)));
		FormSession proxyBrowser = new FormSession(url(""));
		proxyBrowser.signIn(proxy.idNumber(), PASSWORD);
		assertThat(proxyBrowser.postFrom("/account", "/account/acting-as", "partyId", citizen.id().toString()).statusCode()).isEqualTo(302);
		assertThat(proxyBrowser.get("/account/licences").statusCode()).as("a proxy within a narrow grant").isEqualTo(404);
		// acting for themself again, the wallet is their own
		assertThat(proxyBrowser.postFrom("/account", "/account/acting-as", "partyId", proxy.id().toString()).statusCode()).isEqualTo(302);
		assertThat(proxyBrowser.get("/account/licences").statusCode()).isEqualTo(200);

		Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "页面窗口");
		assertThat(FormSession.staff(url(""), clerk).get("/account/licences").statusCode()).as("staff on a citizen's page").isEqualTo(403);

		HttpResponse<String> anonymous = new FormSession(url("")).get("/account/licences");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aCitizensApiCallServesTheTokensHolderAndRefusesAStaffToken() throws Exception {
		Citizen citizen = newCitizen("接口公民", 2);
		HttpResponse<String> mine = api("/api/cases", accessToken(citizen.id(), "cases.read"));
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(mine.body()).startsWith("[");

		Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "接口窗口");
		assertForbiddenProblem(api("/api/cases", accessToken(clerk.id(), "cases.read")));

		assertThat(api("/api/cases", null).statusCode()).as("nobody").isEqualTo(401);
	}

	@Test
	void aStaffPageServesTheMemberOfStaffAndNotACitizen() {
		Staff admin = newStaff("XH-SCJG", Role.DEPT_ADMIN, "页面管理员");
		HttpResponse<String> page = FormSession.staff(url(""), admin).get("/workbench/exchange/resources");
		assertThat(page.statusCode()).isEqualTo(200);

		Citizen citizen = newCitizen("误入公民", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		assertThat(browser.get("/workbench/exchange/resources").statusCode()).as("a citizen on a staff page").isEqualTo(403);

		HttpResponse<String> anonymous = new FormSession(url("")).get("/workbench/exchange/resources");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aStaffApiCallServesTheMemberOfStaffAndRefusesACitizensToken() throws Exception {
		Staff approver = newStaff("XH-SCJG", Role.APPROVER, "接口审批");
		HttpResponse<String> inbox = api("/api/tasks", accessToken(approver.id(), "tasks"));
		assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);

		Citizen citizen = newCitizen("接口误入", 2);
		assertForbiddenProblem(api("/api/tasks", accessToken(citizen.id(), "tasks")));

		assertThat(api("/api/tasks", null).statusCode()).as("nobody").isEqualTo(401);
	}
}
