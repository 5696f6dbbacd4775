package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.Handling;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.openness.domain.DisclosureTime;
import tongban.openness.internal.DeemedWithdrawal;
import tongban.shared.Clocks;
import tongban.shared.PdfText;
import tongban.shared.Upload;
import tongban.shared.Uscc;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.Poppler;
import tongban.support.TestCases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 依申请公开 end to end over HTTP and the services: filing with bad input refused at each field, someone else's request
 * not found, the 7-working-day limit of a 补正, the one extension, the deemed withdrawal run twice, the clock across the
 * 2026 National Day with a 补正 and a third-party consultation on the stored calendar, the sealed 告知书, the
 * supervisor's overdue section, and the annual report's counts.
 */
class DisclosureIT extends IntegrationTest {

	@Autowired
	DisclosureRequests requests;

	@Autowired
	DisclosureDesk desk;

	@Autowired
	DisclosureAnnualReport reports;

	@Autowired
	DisclosureTime time;

	@Autowired
	DeemedWithdrawal withdrawal;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	WorkingCalendars calendars;

	private static final String DEPARTMENT = "XH-SCJG";

	private static NewDisclosureRequest asking(String what) {
		return new NewDisclosureRequest(DEPARTMENT, what, "DOWNLOAD", "", "", "");
	}

	private <T> T on(String day, Supplier<T> work) {
		return time.at(LocalDate.parse(day).atTime(LocalTime.of(9, 30)).atZone(Clocks.ZONE).toOffsetDateTime(), work);
	}

	private void on(String day, Runnable work) {
		on(day, () -> {
			work.run();
			return null;
		});
	}

	private FormSession citizenSession(Citizen citizen) {
		FormSession session = new FormSession(url(""));
		session.signIn(citizen.idNumber(), PASSWORD);
		return session;
	}

	@Test
	void badInputIsRefusedAtEachFieldAndAGoodRequestIsAcknowledged() {
		Citizen me = newCitizen("申请公开", 2);
		FormSession browser = citizenSession(me);
		assertThat(browser.get("/disclosure/new").statusCode()).isEqualTo(200);
		var refused = browser.post("/disclosure/new", "departmentCode", "NO-SUCH", "description", "短", "form", "EMAIL", "delivery", "not-an-email",
				"purpose", "x".repeat(501));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("错误：").contains("data-testid=\"error-summary\"").contains("请选择受理申请的部门")
			.contains("请描述所需的政府信息，10 到 2000 字").contains("请填写有效的电子邮箱").contains("申请用途最多 500 字").contains("id=\"description-error\"");
		var paperWithoutAddress = browser.post("/disclosure/new", "departmentCode", DEPARTMENT, "description", "2025年度食品抽检结果汇总表全文", "form",
				"PAPER", "delivery", "");
		assertThat(paperWithoutAddress.body()).contains("请填写邮寄地址");
		var noForm = browser.post("/disclosure/new", "departmentCode", DEPARTMENT, "description", "2025年度食品抽检结果汇总表全文", "form", "FAX");
		assertThat(noForm.statusCode()).isEqualTo(400);
		assertThat(noForm.body()).contains("请选择获取信息的方式");
		var nul = browser.post("/disclosure/new", "departmentCode", DEPARTMENT, "description", "2025年度食品\u0000抽检结果", "form", "DOWNLOAD");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from openness_disclosure_request where applicant_account_id = ?").param(me.id()).query(Integer.class)
			.single()).isZero();

		var filed = browser.post("/disclosure/new", "departmentCode", DEPARTMENT, "description", "2025年度西湖区食品安全监督抽检结果汇总表", "form",
				"EMAIL", "delivery", "wxm-disclosure@example.com", "purpose", "了解所在小区周边餐饮安全");
		assertThat(filed.statusCode()).isEqualTo(302);
		String location = filed.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/disclosure/YSQ\\d{12}\\?filed");
		String number = location.replaceAll(".*/disclosure/(YSQ\\d+).*", "$1");
		assertThat(number).startsWith("YSQ" + LocalDate.now(Clocks.ZONE).toString().replace("-", ""));
		var page = browser.get("/disclosure/" + number + "?filed");
		assertThat(page.body()).contains(number).contains("data-testid=\"disclosure-filed\"").contains("区市场监督管理局");
		assertThat(page.body()).contains("wxm-disclosure@example.com");
		assertThat(jdbc.sql("select delivery from openness_disclosure_request where number = ?").param(number).query(String.class).single())
			.as("the e-mail is kept encrypted").doesNotContain("example.com");
		assertThat(browser.get("/disclosure").body()).contains(number);
		assertThat(notifications.messages(me.id(), 5)).anyMatch(m -> m.event().equals("DISCLOSURE_RECEIVED") && m.body().contains(number));
	}

	@Test
	void someoneElsesRequestIsNotFound() {
		Citizen owner = newCitizen("本人申请", 2);
		Citizen other = newCitizen("他人查看", 2);
		String number = requests.apply(TestCases.actor(owner), asking("2025年度西湖区特种设备安全状况通报全文")).number();
		FormSession browser = citizenSession(other);
		assertThat(browser.get("/disclosure/" + number).statusCode()).isEqualTo(404);
		assertThat(browser.get("/disclosure/" + number + "/files/1").statusCode()).isEqualTo(404);
		assertThat(browser.postFrom("/disclosure", "/disclosure/" + number + "/supplement", "answer", "冒充补正").statusCode()).isEqualTo(404);
		assertThat(browser.get("/disclosure").body()).doesNotContain(number);
		// staff of another department see nothing either
		People.Staff elsewhere = newStaff("XH-WJ", Role.DISCLOSURE_OFFICER, "卫健公开");
		assertThat(FormSession.staff(url(""), elsewhere).get("/workbench/disclosure/" + number).statusCode()).isEqualTo(404);
	}

	@Test
	void aSupplementAfterSevenWorkingDaysIsRefusedAndTheExtensionComesOnce() {
		Citizen me = newCitizen("期限检查", 2);
		Actor actor = TestCases.actor(me);
		// received 10 working days ago: past the 7 for a 补正, within the 20 for an extension
		WorkingCalendar calendar = calendars.current();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate received = today;
		while (calendar.workingDaysBetween(received, today) < 10) {
			received = received.minusDays(1);
		}
		String number = on(received.toString(), () -> requests.apply(actor, asking("2026年西湖区电动自行车销售企业抽查结果"))).number();
		LocalDate lastDay = calendar.addWorkingDays(received, 7);
		People.Staff officer = newStaff(DEPARTMENT, Role.DISCLOSURE_OFFICER, "公开经办");
		People.Staff head = newStaff(DEPARTMENT, Role.DEPT_ADMIN, "公开负责");
		FormSession officerBrowser = FormSession.staff(url(""), officer);
		String page = "/workbench/disclosure/" + number;
		assertThat(officerBrowser.get(page).body()).as("no 补正 offered after the 7 working days").doesNotContain("data-testid=\"supplement-form\"");
		var late = officerBrowser.postFrom(page, page + "/supplement", "note", "请写明抽查批次", "period", "10");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("补正须在收到申请之日起 7 个工作日内（" + lastDay + " 前）告知").contains("id=\"note-error\"");

		var asked = officerBrowser.postFrom(page, page + "/extension", "days", "10", "reason", "需要向省局核对抽查结果");
		assertThat(asked.statusCode()).isEqualTo(302);
		FormSession headBrowser = FormSession.staff(url(""), head);
		assertThat(headBrowser.postFrom(page, page + "/extension/decision", "decision", "approve").statusCode()).isEqualTo(302);
		var view = desk.find(people.signedIn(officer), number).orElseThrow();
		assertThat(view.extensionState()).isEqualTo(Disclosure.Extension.APPROVED);
		assertThat(view.files()).anyMatch(f -> f.kind().equals("NOTICE_EXTENSION"));
		var twice = officerBrowser.postFrom(page, page + "/extension", "days", "5", "reason", "还需要再核对");
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("答复期限只能延长一次");
		var tooMany = officerBrowser.postFrom(page, page + "/answer", "outcome", "DISCLOSED", "note", "");
		assertThat(tooMany.statusCode()).as("disclosed without the information").isEqualTo(400);
		assertThat(tooMany.body()).contains("请上传提供的政府信息");
		assertThat(notifications.messages(me.id(), 5)).anyMatch(m -> m.event().equals("DISCLOSURE_EXTENDED"));
	}

	@Test
	void theClockAcrossNationalDayWithASupplementAndAThirdParty() {
		Citizen me = newCitizen("国庆计时", 2);
		Actor actor = TestCases.actor(me);
		var officer = people.signedIn(newStaff(DEPARTMENT, Role.DISCLOSURE_OFFICER, "国庆经办"));
		String number = on("2026-09-21", () -> requests.apply(actor, asking("2026年西湖区月饼质量专项抽检结果"))).number();
		assertThat(on("2026-09-21", () -> requests.find(actor, number).orElseThrow().clock().due())).isEqualTo(LocalDate.of(2026, 10, 26));
		on("2026-09-23", () -> desk.requestSupplement(officer, number, "请写明抽检的月份", 10));
		assertThat(on("2026-09-25", () -> requests.find(actor, number).orElseThrow().clock().paused())).isTrue();
		on("2026-09-28", () -> requests.answerSupplement(actor, number, "2026年8月和9月"));
		assertThat(on("2026-10-08", () -> requests.find(actor, number).orElseThrow().clock().due())).isEqualTo(LocalDate.of(2026, 10, 30));
		on("2026-10-09", () -> desk.startConsultation(officer, number, "杭州某食品有限公司"));
		on("2026-10-20", () -> desk.endConsultation(officer, number, "第三方同意公开"));
		assertThat(on("2026-10-21", () -> requests.find(actor, number).orElseThrow().clock().due())).isEqualTo(LocalDate.of(2026, 11, 11));
		assertThat(jdbc.sql("select due_on from openness_disclosure_request where number = ?").param(number).query(LocalDate.class).single())
			.as("the stored due date follows the last step").isEqualTo(LocalDate.of(2026, 11, 11));
	}

	@Test
	void aLapsedSupplementIsDeemedWithdrawnOnceHoweverOftenThePassRuns() {
		Citizen me = newCitizen("逾期补正", 2);
		Actor actor = TestCases.actor(me);
		var officer = people.signedIn(newStaff(DEPARTMENT, Role.DISCLOSURE_OFFICER, "补正经办"));
		String number = on("2026-11-16", () -> requests.apply(actor, asking("那个关于集贸市场管理的文件"))).number();
		on("2026-11-17", () -> desk.requestSupplement(officer, number, "请写明文件名称", 2));
		withdrawal.run(); // what the scheduled pass does (it may have been first)
		assertThat(withdrawal.run()).as("a second pass finds nothing left").isZero();
		var view = requests.find(actor, number).orElseThrow();
		assertThat(view.status()).isEqualTo(Disclosure.Status.WITHDRAWN);
		assertThat(view.outcome()).isEqualTo(Disclosure.Outcome.OTHER_NO_SUPPLEMENT);
		assertThat(view.steps()).filteredOn(s -> s.action().equals("DEEMED_WITHDRAWN")).hasSize(1);
	}

	@Test
	void anAnswerIsSealedAndCountedInTheAnnualReport() throws Exception {
		int year = LocalDate.now(Clocks.ZONE).getYear();
		var before = reports.report(DEPARTMENT, year).orElseThrow();
		Citizen me = newCitizen("年报计数", 2);
		Actor actor = TestCases.actor(me);
		var officer = people.signedIn(newStaff(DEPARTMENT, Role.DISCLOSURE_OFFICER, "年报经办"));
		String number = requests.apply(actor, asking("2026年西湖区加油站计量器具检定结果")).number();
		var notAPdf = new Upload("结果.pdf", "not a pdf at all".getBytes());
		assertThatThrownBy(
				() -> desk.answer(officer, number, Disclosure.Outcome.PARTLY_DISCLOSED, "涉及个人信息的部分已作区分处理", List.of(notAPdf)))
			.hasMessageContaining("disclosure-file-type");
		byte[] information = PdfText.letter("检定结果", number, List.of("演示"), "区市场监管局", "2026年12月1日");
		desk.answer(officer, number, Disclosure.Outcome.PARTLY_DISCLOSED, "涉及个人信息的部分已作区分处理", List.of(new Upload("检定结果.pdf", information)));
		var view = requests.find(actor, number).orElseThrow();
		assertThat(view.status()).isEqualTo(Disclosure.Status.ANSWERED);
		var notice = view.files().stream().filter(f -> f.kind().equals("NOTICE_ANSWER")).findFirst().orElseThrow();
		byte[] pdf = requests.download(actor, number, notice.id()).orElseThrow().content();
		assertThat(Poppler.signatures(pdf)).contains("Signature is Valid.").contains("杭州市西湖区市场监督管理局");
		assertThat(Poppler.text(pdf).replaceAll("\\s+", "")).contains("部分公开").contains("第三十七条").contains(number);

		assertThat(notifications.messages(me.id(), 5)).anyMatch(m -> m.event().equals("DISCLOSURE_ANSWERED") && m.body().contains("部分公开"));
		var after = reports.report(DEPARTMENT, year).orElseThrow();
		assertThat(after.row("NEW").orElseThrow().counts().get(0) - before.row("NEW").orElseThrow().counts().get(0)).isEqualTo(1);
		assertThat(after.row("PARTLY_DISCLOSED").orElseThrow().total() - before.row("PARTLY_DISCLOSED").orElseThrow().total()).isEqualTo(1);
		assertThat(after.row("TOTAL").orElseThrow().total() - before.row("TOTAL").orElseThrow().total()).isEqualTo(1);
		for (int y : List.of(2025, year)) {
			var r = reports.report(DEPARTMENT, y).orElseThrow();
			assertThat(r.row("NEW").orElseThrow().total() + r.row("CARRIED").orElseThrow().total()).as("一 + 二 = 三(七) + 四 in " + y)
				.isEqualTo(r.row("TOTAL").orElseThrow().total() + r.row("FORWARD").orElseThrow().total());
		}
		var demo2025 = reports.report(DEPARTMENT, 2025).orElseThrow();
		assertThat(demo2025.row("NEW").orElseThrow().total()).isGreaterThanOrEqualTo(8);
		assertThat(demo2025.row("OTHER_NO_SUPPLEMENT").orElseThrow().total()).isGreaterThanOrEqualTo(1);
		assertThat(demo2025.row("FORWARD").orElseThrow().total()).as("the December request carried into 2026").isGreaterThanOrEqualTo(1);
		assertThat(demo2025.remedies().getFirst().counts().get(0)).as("a review upheld").isGreaterThanOrEqualTo(1);
		var publicPage = new FormSession(url("")).get("/openness/" + DEPARTMENT + "/annual-report/" + year);
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(publicPage.body()).contains(" " + year + " 年政府信息公开工作年度报告").contains("data-row=\"PARTLY_DISCLOSED\"").contains("（二）部分公开").contains("4.保护第三方合法权益");
		assertThat(new FormSession(url("")).get("/openness/" + DEPARTMENT + "/annual-report").body()).contains("/annual-report/2025");
		assertThat(new FormSession(url("")).get("/openness/NO-SUCH/annual-report/2025").statusCode()).isEqualTo(404);
		assertThat(new FormSession(url("")).get("/openness/" + DEPARTMENT + "/annual-report/2999").statusCode()).isEqualTo(404);
	}

	@Test
	void anOverdueRequestAppearsInSupervision() {
		Citizen me = newCitizen("超期督办", 2);
		String number = on("2026-10-26", () -> requests.apply(TestCases.actor(me), asking("2026年西湖区校园周边食品经营者专项检查结果"))).number();
		People.Staff supervisor = newStaff("XH-ZWFW", Role.SUPERVISOR, "公开督办");
		FormSession browser = FormSession.staff(url(""), supervisor);
		var page = browser.get("/workbench/supervision");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("依申请公开超期").contains("data-number=\"" + number + "\"");
		assertThat(browser.get("/workbench/disclosure/" + number).statusCode()).as("the supervisor reads it")
			.isEqualTo(200);
	}

	@Autowired
	Representation representation;

	@Test
	void aCompanyAppliesThroughItsAgentAndAnotherCompanySeesNothing() {
		Citizen rep = newCitizen("公开法人", 2);
		Citizen agent = newCitizen("公开经办人", 2);
		String first17 = "91330106MA3" + String.format("%06d", System.nanoTime() % 1_000_000);
		UUID company = representation.registerLegalPerson(rep.id(), first17 + Uscc.checkCharacter(first17), "公开测试律师事务所");
		representation.grantAgent(company, rep.id(), agent.name(), agent.idNumber(), DisclosureRequests.SCOPE, LocalDate.now().plusMonths(3));
		FormSession browser = citizenSession(agent);
		browser.postFrom("/account", "/account/acting-as", "partyId", company.toString());
		var noKind = browser.postFrom("/disclosure/new", "/disclosure/new", "departmentCode", DEPARTMENT, "description", "本所代理案件涉及的2025年行政处罚决定书", "form",
				"DOWNLOAD");
		assertThat(noKind.statusCode()).isEqualTo(400);
		assertThat(noKind.body()).contains("请选择单位类型").contains("公开测试律师事务所");
		var filed = browser.postFrom("/disclosure/new", "/disclosure/new", "departmentCode", DEPARTMENT, "description", "本所代理案件涉及的2025年行政处罚决定书",
				"form", "DOWNLOAD", "applicant", "LEGAL_SERVICE");
		assertThat(filed.statusCode()).isEqualTo(302);
		String number = filed.headers().firstValue("Location").orElseThrow().replaceAll(".*/disclosure/(YSQ\\d+).*", "$1");
		var view = requests.find(new Actor(rep.id(), rep.name(), new Party(Party.Kind.LEGAL_PERSON, company, "公开测试律师事务所")), number)
			.orElseThrow();
		assertThat(view.applicant()).isEqualTo(Disclosure.Applicant.LEGAL_SERVICE);
		assertThat(view.partyName()).isEqualTo("公开测试律师事务所");
		assertThat(view.applicantName()).as("who acted is kept").isEqualTo(agent.name());
		// the agent as themself, and the representative of another company, find nothing
		assertThat(requests.find(TestCases.actor(agent), number)).isEmpty();
		Citizen otherRep = newCitizen("他司法人", 2);
		String other17 = "91330106MA4" + String.format("%06d", System.nanoTime() % 1_000_000);
		UUID otherCompany = representation.registerLegalPerson(otherRep.id(), other17 + Uscc.checkCharacter(other17), "其他测试有限公司");
		FormSession otherBrowser = citizenSession(otherRep);
		otherBrowser.postFrom("/account", "/account/acting-as", "partyId", otherCompany.toString());
		assertThat(otherBrowser.get("/disclosure/" + number).statusCode()).isEqualTo(404);
		assertThat(otherBrowser.get("/disclosure").body()).doesNotContain(number);
	}

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	/**
	 * Section 二 counts the department's 行政规范性文件 among the published demo policies: those published in 2025, and
	 * those in force at its end (valid, or repealed, expired or amended only later), counted here from the data file.
	 */
	@Test
	void theReportCountsTheNormativeDocumentsOfTheYear() throws IOException {
		JsonNode policies;
		try (InputStream in = getClass().getResourceAsStream("/data/openness/policies.json")) {
			policies = JsonMapper.builder().build().readTree(in).get("policies");
		}
		int issued = 0;
		int inForce = 0;
		for (JsonNode policy : policies) {
			boolean byTheDepartment = false;
			for (JsonNode issuer : policy.get("issuers")) {
				byTheDepartment |= issuer.asString().equals("XH-WJ");
			}
			boolean ours = byTheDepartment && "NORMATIVE".equals(policy.get("docType").asString())
					&& "PROACTIVE".equals(policy.get("disclosure").asString());
			String published = policy.get("publishedOn").asString();
			if (ours && published.startsWith("2025")) {
				issued++;
			}
			if (ours && published.compareTo("2026") < 0 && "VALID".equals(policy.get("validity").asString())) {
				inForce++;
			}
		}
		var row = reports.report("XH-WJ", 2025).orElseThrow().regulations().stream()
			.filter(candidate -> candidate.label().equals("行政规范性文件"))
			.findFirst()
			.orElseThrow();
		assertThat(issued).isPositive();
		assertThat(row.issued()).isEqualTo(issued);
		assertThat(row.inForce()).isGreaterThanOrEqualTo(inForce);
	}

	@Test
	void theReportCountsTheYearsLicensingDecisionsFromCasework() {
		int year = LocalDate.now(Clocks.ZONE).getYear();
		long before = reports.report(DEPARTMENT, year).orElseThrow().licensingDecisions();
		Citizen owner = newCitizen("许可计数", 2);
		var filed = TestCases.submittedFoodLicence(applying, representation, owner, "91330106MA2CD7E8X7", "年报计数餐饮店");
		handling.accept(filed.caseId(), "受理员");
		handling.decide(filed.caseId(), new StaffMember(UUID.randomUUID(), "审批员", DEPARTMENT, null, Set.of(Role.APPROVER)), false, "经营场所不符合要求");
		assertThat(reports.report(DEPARTMENT, year).orElseThrow().licensingDecisions()).isEqualTo(before + 1);
	}

	@Test
	void theOfficerConsultsAnswersAndRecordsASuitOnTheWorkbench() {
		Citizen me = newCitizen("工作台办理", 2);
		String number = requests.apply(TestCases.actor(me), asking("某药店2026年药品经营许可变更登记材料")).number();
		People.Staff officer = newStaff(DEPARTMENT, Role.DISCLOSURE_OFFICER, "台面经办");
		FormSession desk = FormSession.staff(url(""), officer);
		String page = "/workbench/disclosure/" + number;
		assertThat(desk.get("/workbench/disclosure").body()).contains("data-number=\"" + number + "\"");
		var noParty = desk.postFrom(page, page + "/consultation", "party", " ");
		assertThat(noParty.statusCode()).isEqualTo(400);
		assertThat(noParty.body()).contains("请填写征求意见的第三方名称").contains("id=\"party-error\"");
		assertThat(desk.postFrom(page, page + "/consultation", "party", "杭州某连锁药房有限公司").statusCode()).isEqualTo(302);
		var consulting = desk.get(page);
		assertThat(consulting.statusCode()).isEqualTo(200);
		assertThat(consulting.body()).contains("征求第三方意见中").contains("data-testid=\"consulted-form\"").doesNotContain("data-testid=\"answer-form\"");
		assertThat(desk.postFrom(page, page + "/answer", "outcome", "DISCLOSED").statusCode()).as("no answer while consulting").isEqualTo(409);
		assertThat(desk.postFrom(page, page + "/consultation/end", "result", "第三方不同意公开").statusCode()).isEqualTo(302);
		var answered = desk.postFrom(page, page + "/answer", "outcome", "WITHHELD_THIRD_PARTY", "note", "涉及第三方商业秘密，第三方不同意公开。");
		assertThat(answered.statusCode()).isEqualTo(302);
		var badDate = desk.postFrom(page, page + "/remedy", "kind", "SUIT_AFTER_REVIEW", "result", "PENDING", "filedOn", "2020-01-01");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("请选择类型和结果，并填写答复之后、今天之前的提起日期");
		assertThat(desk.postFrom(page, page + "/remedy", "kind", "SUIT_AFTER_REVIEW", "result", "PENDING", "filedOn",
				LocalDate.now(Clocks.ZONE).toString()).statusCode()).isEqualTo(302);
		var remedy = requests.find(TestCases.actor(me), number).orElseThrow().remedies().getFirst();
		assertThat(desk.postFrom(page, page + "/remedy/" + remedy.id(), "result", "CORRECTED").statusCode()).isEqualTo(302);
		assertThat(requests.find(TestCases.actor(me), number).orElseThrow().remedies().getFirst().result()).isEqualTo(Disclosure.RemedyResult.CORRECTED);
		assertThat(desk.get("/workbench/disclosure?done=1").body()).contains("data-number=\"" + number + "\"");
		assertThat(desk.get(page + "?lang=en").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select action from openness_disclosure_step where request_id = (select id from openness_disclosure_request where number = ?)")
			.param(number).query(String.class).list()).containsExactly("RECEIVED", "CONSULTATION_STARTED", "CONSULTATION_ENDED", "ANSWERED",
					"REMEDY_RECORDED", "REMEDY_UPDATED");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DISCLOSURE' and subject = ? and actor = ?")
			.params("disclosure:" + number, "staff:" + officer.id()).query(Integer.class).single()).as("every staff step audited").isEqualTo(5);
		var citizenPage = citizenSession(me).get("/disclosure/" + number);
		assertThat(citizenPage.body()).contains("不予公开（保护第三方合法权益）").contains("政府信息公开申请答复告知书").doesNotContain("台面经办");
	}
}
