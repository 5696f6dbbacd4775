package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.internal.Prefilling;
import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Actor;
import tongban.identity.ConsentChannel;
import tongban.identity.ConsentLedger;
import tongban.identity.ConsentRecord;
import tongban.identity.ConsentStatus;
import tongban.identity.ProcessingPurpose;
import tongban.identity.Role;
import tongban.notification.Topic;
import tongban.proactive.lifeevents.LifeRule;
import tongban.proactive.lifeevents.LifeRules;
import tongban.proactive.lifeevents.Recommendations;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * Issue 23 part A: the notice's published versions; a citizen who agreed to an older version is asked again at the
 * next sign-in and cannot go elsewhere until they agree (or sign out), while staff are not asked; withdrawing consent to
 * 为您推荐 stops recommendations and giving it again restarts them; consent to prefill on an application is recorded;
 * a purpose resting on law cannot be withdrawn; a forged purpose is not found.
 */
class ConsentIT extends IntegrationTest {

	@Autowired
	ConsentLedger ledger;

	@Autowired
	Recommendations recommendations;

	@Autowired
	LifeRules rules;

	@Autowired
	Applying applying;

	@Autowired
	Prefilling prefilling;

	@Autowired
	SharingGrants grants;

	@Autowired
	ResourceCatalogue catalogue;

	@Test
	void consentToPrefillOnTheApplicationIsRecordedInTheLedger() {
		Citizen citizen = newCitizen("李免提交", 2);
		Map<String, String> record = new LinkedHashMap<>();
		record.put("name", citizen.name());
		record.put("idNumber", citizen.idNumber());
		record.put("gender", "男");
		record.put("birthDate", "1950-05-01");
		record.put("ethnicity", "汉族");
		record.put("householdAddress", "浙江省杭州市西湖区文三路 2 号");
		catalogue.putRecord("XH-GA-RK", citizen.idNumber(), record);
		var grant = (Grant) grants.requestGrant("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "测试：免提交同意",
				"测试依据", LocalDate.now(Clocks.ZONE).plusDays(30), "测试");
		if (grant.status().equals("REQUESTED")) {
			grants.decide(grant.id(), "XH-GA", true, null, "测试");
		}
		Actor actor = TestCases.actor(citizen);
		CaseId card = applying.startDraft(actor, "330106-GG-0018-01");
		assertThat(ledger.latest(citizen.id(), ProcessingPurpose.PREFILL)).as("not before the person agrees").isEmpty();
		assertThat(prefilling.prefill(actor, card, applying.draft(actor, card).lockVersion())).isEqualTo(2);
		ConsentRecord given = ledger.latest(citizen.id(), ProcessingPurpose.PREFILL).orElseThrow();
		assertThat(given.status()).isEqualTo(ConsentStatus.GIVEN);
		assertThat(given.noticeVersion()).isEqualTo("1.1");
		assertThat(given.channel()).isEqualTo(ConsentChannel.WEB);
	}

	@Test
	void theVersionsArePublishedEachWithWhatChanged() {
		FormSession visitor = new FormSession(url(""));
		String versions = visitor.get("/privacy/versions").body();
		assertThat(versions).contains("data-testid=\"privacy-version-1.1\"").contains("data-testid=\"privacy-version-1.0\"")
			.contains("新增个人信息保护负责人的联系方式");
		assertThat(visitor.get("/privacy/versions/1.0").body()).contains("data-testid=\"notice-text-1.0\"").contains("privacy-superseded");
		String current = visitor.get("/privacy").body();
		assertThat(current).contains("版本 1.1").contains("notice-text-1.1").contains("data-testid=\"privacy-officer-name\"")
			.contains("privacy-officer-demo").doesNotContain("privacy-superseded");
		assertThat(visitor.get("/privacy/versions/9.9").statusCode()).isEqualTo(404);
	}

	@Test
	void aCitizenWhoAgreedToAnOlderVersionIsAskedAgainAtSignIn() {
		Citizen citizen = newCitizen("周旧版", 2);
		ledger.give(citizen.id(), ProcessingPurpose.REGISTRATION, "1.0", OffsetDateTime.now(Clocks.ZONE).minusDays(3), ConsentChannel.WEB);

		FormSession browser = new FormSession(url(""));
		assertThat(browser.signIn(citizen.idNumber(), PASSWORD)).endsWith("/account/notice");
		HttpResponse<String> elsewhere = browser.get("/account/privacy");
		assertThat(elsewhere.statusCode()).isEqualTo(302);
		assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/account/notice");
		assertThat(browser.get("/privacy").statusCode()).as("the notice itself can be read").isEqualTo(200);
		assertThat(browser.get("/oauth2/authorize?response_type=code&client_id=none&scope=openid").headers().firstValue("Location").orElse(""))
			.as("nor a department system signed in to").endsWith("/account/notice");

		String asking = browser.get("/account/notice").body();
		assertThat(asking).contains("data-testid=\"notice-again-changes-1.1\"").contains("notice-sign-out");
		HttpResponse<String> unticked = browser.post("/account/notice");
		assertThat(unticked.statusCode()).isEqualTo(200);
		assertThat(unticked.body()).contains("data-testid=\"error-summary\"").contains("id=\"agree-error\"");
		assertThat(ledger.latest(citizen.id(), ProcessingPurpose.REGISTRATION).orElseThrow().noticeVersion()).isEqualTo("1.0");

		HttpResponse<String> agreed = browser.post("/account/notice", "agree", "yes");
		assertThat(agreed.headers().firstValue("Location").orElse("")).endsWith("/account");
		ConsentRecord renewed = ledger.latest(citizen.id(), ProcessingPurpose.REGISTRATION).orElseThrow();
		assertThat(renewed.noticeVersion()).isEqualTo("1.1");
		assertThat(renewed.channel()).isEqualTo(ConsentChannel.WEB);
		assertThat(ledger.history(citizen.id())).as("the 1.0 consent stays on record").hasSize(2);
		assertThat(browser.get("/account/privacy").statusCode()).isEqualTo(200);

		FormSession later = new FormSession(url(""));
		assertThat(later.signIn(citizen.idNumber(), PASSWORD)).as("asked once only").endsWith("/account");
	}

	@Test
	void aCitizenAskedAgainMaySignOutAndIsAskedAgainNextTime() {
		Citizen citizen = newCitizen("吴不同意", 2);
		ledger.give(citizen.id(), ProcessingPurpose.REGISTRATION, "1.0", OffsetDateTime.now(Clocks.ZONE).minusDays(1), ConsentChannel.COUNTER);
		FormSession browser = new FormSession(url(""));
		assertThat(browser.signIn(citizen.idNumber(), PASSWORD)).endsWith("/account/notice");
		browser.get("/account/notice");
		assertThat(browser.post("/logout").headers().firstValue("Location").orElse("")).contains("signedOut");
		assertThat(new FormSession(url("")).signIn(citizen.idNumber(), PASSWORD)).endsWith("/account/notice");
	}

	@Test
	void staffAreNotAskedAndCitizensWithoutALedgerRowAreNot() {
		People.Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "郑窗口");
		ledger.give(clerk.id(), ProcessingPurpose.REGISTRATION, "1.0", OffsetDateTime.now(Clocks.ZONE).minusDays(1), ConsentChannel.WEB);
		assertThat(new FormSession(url("")).signIn(clerk.username(), clerk.password())).endsWith("/login/totp");
		Citizen enrolled = newCitizen("王窗口办", 2);
		assertThat(new FormSession(url("")).signIn(enrolled.idNumber(), PASSWORD)).endsWith("/account");
	}

	@Test
	void withdrawingProactiveConsentStopsRecommendationsAndGivingItAgainRestartsThem() {
		Citizen citizen = newCitizen("钱推荐", 2);
		String code = "T-CONSENT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		assertThat(rules.save(new LifeRule(code, "测试同意", Topic.AGEING, LifeRule.SubjectKind.PERSON, LifeRule.Trigger.NIGHTLY,
				LifeRule.OccasionKind.RECORD, "XH-GA-RK", List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "70")), List.of(), 90,
				LifeRule.TargetKind.ITEM, "330106-GF-0004-01", Map.of(), "因为您已年满70周岁", 1, true), "test")).isEmpty();
		LifeRule rule = rules.rule(code).orElseThrow();
		assertThat(recommendations.make(rule, citizen.id(), "first", "测试")).isTrue();

		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		String centre = browser.get("/account/privacy").body();
		assertThat(centre).contains("data-testid=\"consent-withdraw-PROACTIVE\"").contains("data-testid=\"consent-before\"")
			.doesNotContain("consent-withdraw-CASE_HANDLING").contains("data-testid=\"law-CASE_HANDLING\"")
			.contains("privacy-explanations-link").contains("privacy-complaint-link");
		assertThat(browser.post("/account/privacy/consents/PROACTIVE/withdraw").statusCode()).isEqualTo(302);
		assertThat(ledger.status(citizen.id(), ProcessingPurpose.PROACTIVE)).isEqualTo(ConsentStatus.WITHDRAWN);
		assertThat(recommendations.make(rule, citizen.id(), "second", "测试")).as("no new recommendation").isFalse();
		assertThat(recommendations.open(citizen.id())).as("nor the earlier one shown").isEmpty();
		assertThat(jdbc.sql("select count(*) from proactive_recommendation where party_id = ? and rule_code = ?").params(citizen.id(), code)
			.query(Long.class).single()).isEqualTo(1);
		String withdrawn = browser.get("/account/privacy").body();
		assertThat(withdrawn).contains("已撤回同意").contains("data-testid=\"consent-give-PROACTIVE\"").doesNotContain("consent-withdraw-PROACTIVE");

		browser.post("/account/privacy/consents/PROACTIVE/give");
		assertThat(ledger.status(citizen.id(), ProcessingPurpose.PROACTIVE)).isEqualTo(ConsentStatus.GIVEN);
		assertThat(recommendations.make(rule, citizen.id(), "third", "测试")).isTrue();
		assertThat(recommendations.open(citizen.id())).hasSize(2);
		assertThat(ledger.history(citizen.id())).extracting(ConsentRecord::status).containsExactly(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN);
	}

	@Test
	void aPurposeRestingOnLawIsNotWithdrawnAndAForgedOneIsNotFound() {
		Citizen citizen = newCitizen("孙依法", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		browser.get("/account/privacy");
		HttpResponse<String> refused = browser.post("/account/privacy/consents/CASE_HANDLING/withdraw");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/privacy").body()).contains("banner-error").contains("不能在这里撤回");
		assertThat(ledger.history(citizen.id())).isEmpty();
		assertThat(browser.post("/account/privacy/consents/REGISTRATION/withdraw").statusCode()).isEqualTo(302);
		assertThat(ledger.history(citizen.id())).as("registration is withdrawn by closing the account").isEmpty();
		assertThat(browser.post("/account/privacy/consents/EVERYTHING/withdraw").statusCode()).isEqualTo(404);
		assertThat(browser.post("/account/privacy/consents/CASE_HANDLING/give").statusCode()).isEqualTo(302);
		assertThat(ledger.history(citizen.id())).isEmpty();
	}
}
