package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.shared.DomainException;
import tongban.support.JourneyTest;
import tongban.support.pages.AccountPage;

/**
 * 代办: a citizen's proxy switches to act for the principal, files a case within the grant's scope (another item is
 * refused), and both see it — the principal as their own case, with the proxy named in its history.
 */
class ProxyApplicationJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Representation grants;

	@Test
	void aProxyAppliesForThePrincipalWithinScope() {
		Citizen principal = newCitizen("张老人", 2);
		Citizen proxy = newCitizen("张女儿", 2);
		grants.grantProxy(principal.id(), proxy.name(), proxy.idNumber(), "社会保障卡申领", LocalDate.now().plusMonths(3));
		assertThat(identity.partiesOf(proxy.id())).extracting(Party::name).contains(principal.name());

		Actor forPrincipal = new Actor(proxy.id(), proxy.name(), new Party(Party.Kind.CITIZEN, principal.id(), principal.name()));
		assertThat(Assertions.catchThrowableOfType(DomainException.class,
				() -> applying.startDraft(forPrincipal, "330106-GG-0001-02")).code()).as("outside the grant's scope").isEqualTo("scope");

		login().open().signIn(proxy.idNumber(), PASSWORD);
		AccountPage account = new AccountPage(page, base()).open();
		account.actFor("代办：" + principal.name());
		assertThat(account.actingFor()).contains(principal.name());
		page.navigate(base() + "/apply/" + ApplyOnlineJourneyIT.ITEM);
		page.getByTestId("start-application").click();
		// the principal's own identity, from their account, locked: the proxy does not type it
		assertThat(page.locator("#v-name").inputValue()).isEqualTo(principal.name());
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(principal.idNumber());
		assertThat(page.getByTestId("verified-idNumber").innerText()).contains("来自" + principal.name() + "的账号");
		page.locator("#v-region").selectOption("330106");
		page.locator("#v-bank").selectOption("中国银行");
		page.locator("#v-delivery").selectOption("窗口领取");
		page.locator("#m-1").setInputFiles(new FilePayload("p.png", "image/png", ApplyOnlineJourneyIT.PNG));
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		String number = page.getByTestId("case-number").innerText().strip();
		assertThat(page.getByTestId("timeline").innerText()).contains(proxy.name());

		page.navigate(base() + "/apply/330106-GG-0001-02");
		assertThat(page.getByTestId("error-summary").innerText()).as("a refused item says why").contains("授权不包括为“" + principal.name() + "”办理这个事项");
		assertThat(page.getByTestId("start-application").count()).isZero();

		Actor self = new Actor(principal.id(), principal.name(), new Party(Party.Kind.CITIZEN, principal.id(), principal.name()));
		assertThat(cases.mine(self)).extracting(CaseSummary::caseNumber).contains(number);
		assertThat(jdbc.sql("select applicant_name from casework_case where case_number = ?").param(number).query(String.class).single())
			.isEqualTo(proxy.name());
		assertThat(cases.mine(new Actor(proxy.id(), proxy.name(), new Party(Party.Kind.CITIZEN, proxy.id(), proxy.name()))))
			.as("the proxy's own list holds only their own cases").isEmpty();
	}
}
