package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import tongban.casework.internal.ApplicationForms;
import tongban.catalog.CatalogManagement;
import tongban.identity.Actor;
import tongban.identity.GrantScope;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.shared.Upload;
import tongban.shared.Uscc;
import tongban.support.JourneyTest;
import tongban.support.TestCases;
import tongban.support.pages.AccountPage;

/**
 * A proxy's scope: 王某 lets 陈某 act for him for 社会保障卡申领 only. Acting for him, 陈某 sees and does that item's case and
 * nothing else of his: another item's case, its materials, documents, rating, withdrawal and supplements, his wallet and
 * his record of reads are "not found", and the pages do not offer them. A company agent's grant limits the same way.
 */
class ProxyScopeJourneyIT extends JourneyTest {

	static final String COVERED = ApplyOnlineJourneyIT.ITEM; // 社会保障卡申领

	static final String OTHER = "330106-GG-0001-02"; // 社会保障卡挂失与补领

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Representation representation;

	/** A submitted case of another item of the citizen's: the form filled, every material uploaded. */
	private CaseId submittedReplacement(Citizen c) {
		Actor a = TestCases.actor(c);
		CaseId id = applying.startDraft(a, OTHER);
		var guide = catalog.published(OTHER).orElseThrow().guide();
		Map<Integer, Upload> uploads = new LinkedHashMap<>();
		for (int i = 0; i < guide.materials().size(); i++) {
			if (ApplicationForms.needsUpload(guide.materials().get(i))) {
				uploads.put(i, new Upload("p.png", ApplyOnlineJourneyIT.PNG));
			}
		}
		var problems = applying.saveDraft(a, id, cases.find(a, id).orElseThrow().lockVersion(),
				Map.of("reason", "遗失", "lostDate", "2026-11-01", "delivery", "窗口领取"), uploads, Map.of());
		assertThat(problems).isEmpty();
		assertThat(applying.submit(a, id, cases.find(a, id).orElseThrow().submitToken())).isEmpty();
		return id;
	}

	private int get(String path) {
		return context.request().get(base() + path, RequestOptions.create().setMaxRedirects(0)).status();
	}

	private APIResponse post(String path, String csrf) {
		return context.request().post(base() + path, RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
	}

	@Test
	void aProxySeesAndDoesOnlyWhatTheGrantCovers() {
		Citizen principal = newCitizen("王范围", 2);
		Citizen proxy = newCitizen("陈范围", 2);
		CaseId covered = TestCases.submittedSocialSecurityCard(applying, principal);
		CaseId other = submittedReplacement(principal);
		String otherNumber = cases.forStaff(other).orElseThrow().caseNumber();
		String coveredNumber = cases.forStaff(covered).orElseThrow().caseNumber();
		representation.grantProxy(principal.id(), proxy.name(), proxy.idNumber(), "社会保障卡申领", LocalDate.now().plusMonths(3));

		login().open().signIn(proxy.idNumber(), PASSWORD);
		AccountPage account = new AccountPage(page, base()).open();
		account.actFor("代办：" + principal.name());
		assertThat(page.getByTestId("acting-scope").innerText()).contains("社会保障卡申领");
		assertThat(page.getByTestId("wallet-link").count()).as("the page offers no wallet").isZero();
		assertThat(page.getByTestId("data-access-link").count()).as("nor the record of reads").isZero();
		accessible();
		String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");

		page.navigate(base() + "/account/cases");
		assertThat(page.getByTestId("my-cases").innerText()).contains(coveredNumber).doesNotContain(otherNumber);

		assertThat(get("/cases/" + covered)).isEqualTo(200);
		assertThat(get("/cases/" + covered + "/materials/1")).isEqualTo(200);
		assertThat(get("/cases/" + covered + "/rating")).isEqualTo(200);
		for (String path : List.of("/cases/" + other, "/cases/" + other + "/edit", "/cases/" + other + "/review",
				"/cases/" + other + "/materials/1", "/cases/" + other + "/documents/acceptance", "/cases/" + other + "/rating",
				"/account/licences", "/account/licences/" + UUID.randomUUID(), "/account/data-access")) {
			assertThat(get(path)).as(path).isEqualTo(404);
		}
		for (String path : List.of("/cases/" + other + "/withdraw", "/cases/" + other + "/supplement", "/cases/" + other + "/deferred",
				"/cases/" + other + "/rating", "/apply/" + OTHER)) {
			assertThat(post(path, csrf).status()).as(path).isEqualTo(404);
		}
		assertThat(cases.forStaff(other).orElseThrow().status()).as("not withdrawn").isEqualTo(CaseStatus.SUBMITTED);

		page.navigate(base() + "/account/messages");
		assertThat(page.content()).as("the principal's messages are his").doesNotContain(otherNumber).doesNotContain(coveredNumber);

		// the API acts for the token's own person only: the proxy's token does not reach the principal's cases
		String token = accessToken(proxy.id(), "cases.read");
		var api = context.request().get(base() + "/api/cases/" + other,
				RequestOptions.create().setHeader("Authorization", "Bearer " + token).setMaxRedirects(0));
		assertThat(api.status()).isEqualTo(404);

		// the principal himself sees both
		Actor self = TestCases.actor(principal);
		assertThat(cases.mine(self)).extracting(CaseSummary::id).contains(covered, other);
	}

	@Test
	void aCompanyAgentIsLimitedToTheGrantsItemsAsAProxyIs() {
		Citizen rep = newCitizen("林法人", 2);
		Citizen agent = newCitizen("周经办", 2);
		String first17 = "91330106MA2" + String.format("%06d", System.nanoTime() % 1_000_000);
		UUID company = representation.registerLegalPerson(rep.id(), first17 + Uscc.checkCharacter(first17), "范围测试有限公司");
		Party party = new Party(Party.Kind.LEGAL_PERSON, company, "范围测试有限公司");
		representation.grantAgent(company, rep.id(), agent.name(), agent.idNumber(), "食品经营许可（新办）、发票领用", LocalDate.now().plusMonths(3));

		assertThat(identity.scopeOf(rep.id(), party)).isEqualTo(GrantScope.FULL);
		GrantScope scope = identity.scopeOf(agent.id(), party);
		assertThat(scope.full()).isFalse();
		assertThat(scope.covers("发票领用")).isTrue();
		assertThat(scope.covers("企业注销登记（含简易注销）")).isFalse();
		assertThat(identity.mayApply(agent.id(), party, "企业注销登记（含简易注销）")).isFalse();
		Citizen stranger = newCitizen("吴路人", 2);
		assertThat(identity.scopeOf(stranger.id(), party)).as("no grant, nothing").isEqualTo(GrantScope.NONE);
	}
}
