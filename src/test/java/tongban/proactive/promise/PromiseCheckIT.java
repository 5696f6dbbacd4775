package tongban.proactive.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CasePromises;
import tongban.casework.CaseStatus;
import tongban.casework.Cases;
import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.licence.LicenceManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;
import tongban.shared.Uscc;
import tongban.shared.WorkingCalendars;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.SamplePdfs;
import tongban.support.TestCases;
import tongban.casework.ApplyOnlineJourneyIT;

/**
 * 告知承诺 end to end on the shared context: a 食品经营许可 applied for with a signed promise instead of the two replaced
 * materials is approved, drawn for a check (the item's rate set to 100 %) due within its working days, and the check's
 * result recorded; a false promise revokes the decision and the licence (verification says REVOKED), records the breach
 * and bars the company from promising again; an unsigned promise or a signature in another name stops submission on
 * the page and in the API; another department's staff get 404 for the check.
 */
class PromiseCheckIT extends IntegrationTest {

	static final String FOOD = TestCases.FOOD_LICENCE;
	/** 个体工商户设立登记, a citizen's item whose promise replaces 经营场所使用相关文件. */
	static final String SOLE_TRADER = "330106-XK-0002-01";

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	CasePromises casePromises;

	@Autowired
	ItemPromises itemPromises;

	@Autowired
	Representation companies;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	PromiseChecks checks;

	@Autowired
	PromiseBreaches breaches;

	@Autowired
	LicenceManagement licences;

	@Autowired
	WorkingCalendars calendars;

	@BeforeEach
	void everyFoodCaseUnderAPromiseIsChecked() {
		ItemPromise demo = itemPromises.find(FOOD).orElseThrow();
		assertThat(itemPromises.save(FOOD, null, "测试", demo.text(), demo.replaced(), 100, 20, true)).isEmpty();
	}

	record Filed(CaseId caseId, Actor actor, Citizen owner) {
	}

	/** A company of the citizen's, and a 食品经营许可 draft for it with everything but the two materials the promise replaces. */
	Filed foodDraft(String ownerName) {
		Citizen owner = newCitizen(ownerName, 2);
		String first17 = "91330106MA" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000));
		String uscc = first17 + Uscc.checkCharacter(first17);
		UUID company = companies.registerLegalPerson(owner.id(), uscc, ownerName + "餐饮店");
		Actor actor = new Actor(owner.id(), owner.name(), new Party(Party.Kind.LEGAL_PERSON, company, ownerName + "餐饮店"));
		CaseId id = applying.startDraft(actor, FOOD);
		Map<String, Object> values = new LinkedHashMap<>(Map.of("uscc", uscc, "entityName", ownerName + "餐饮店", "legalName", owner.name(),
				"legalId", owner.idNumber(), "phone", "13700012345", "format", "餐饮服务经营者", "items", "热食类食品制售", "address",
				"杭州市西湖区文二路 8 号", "area", "80"));
		values.put("staff", List.of(Map.of("staffName", "王厨", "staffId", owner.idNumber(), "staffPhone", "13700012346")));
		List<FieldProblem> problems = applying.saveDraft(actor, id, applying.draft(actor, id).lockVersion(), values,
				Map.of(0, new Upload("申请书.pdf", SamplePdfs.blank())), Map.of("layout", new Upload("平面图.png", ApplyOnlineJourneyIT.PNG)));
		assertThat(problems).isEmpty();
		return new Filed(id, actor, owner);
	}

	/** Signed with the promise, submitted, accepted, reviewed and approved; answers once the licence is issued. */
	Filed approvedUnderPromise(String ownerName, StaffMember market) {
		Filed filed = foodDraft(ownerName);
		assertThat(casePromises.choose(filed.actor(), filed.caseId(), true, true, filed.owner().name())).isEmpty();
		assertThat(applying.submit(filed.actor(), filed.caseId(), applying.draft(filed.actor(), filed.caseId()).submitToken()))
			.as("the replaced materials are not required under a signed promise").isEmpty();
		StaffMember health = new StaffMember(UUID.randomUUID(), "卫健审批员", "XH-WJ", null, Set.of(Role.APPROVER));
		complete(market, filed.caseId(), "accept", "");
		complete(health, filed.caseId(), "", "从业人员健康证明齐全");
		complete(market, filed.caseId(), "", "承诺场所布局合理");
		complete(market, filed.caseId(), "approve", "符合条件，按告知承诺准予许可");
		await().atMost(Duration.ofSeconds(30)).until(() -> licenceOf(filed.caseId()) != null && checks.ofCase(filed.caseId()).isPresent());
		return filed;
	}

	void complete(StaffMember staff, CaseId id, String decision, String opinion) {
		var task = approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
		approval.complete(staff, task.taskId(), ApprovalManagement.Decision.of(decision, opinion, Map.of()));
	}

	String licenceOf(CaseId id) {
		return jdbc.sql("select identifier from licence_licence where case_id = ?").param(id.value()).query(String.class).optional().orElse(null);
	}

	@Test
	void aPromisedApplicationIsApprovedSampledForACheckAndTheResultRecorded() {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "承诺审批员"));
		Filed filed = approvedUnderPromise("承诺属实", market);

		assertThat(cases.find(filed.actor(), filed.caseId()).orElseThrow().events()).as("the signature is in the case's history")
			.anyMatch(e -> e.action().equals("PROMISE_SIGNED") && e.note().contains("以承诺代替"));
		var signed = casePromises.of(filed.caseId()).orElseThrow();
		assertThat(signed.signed()).isTrue();
		assertThat(signed.signedName()).isEqualTo(filed.owner().name());
		assertThat(signed.version()).isEqualTo(itemPromises.find(FOOD).orElseThrow().version());

		PromiseCheck check = checks.ofCase(filed.caseId()).orElseThrow();
		assertThat(check.status()).isEqualTo(PromiseCheck.Status.DUE);
		assertThat(check.departmentCode()).isEqualTo("XH-SCJG");
		assertThat(check.dueOn()).as("20 working days from the approval")
			.isEqualTo(calendars.current().addWorkingDays(LocalDate.now(Clocks.ZONE), 20));
		assertThat(checks.sample(filed.caseId(), check.caseNumber())).as("a replayed approval draws nothing twice").isEmpty();

		assertThat(checks.markOverdue(check.dueOn())).as("not overdue on its last day").isZero();
		checks.markOverdue(check.dueOn().plusDays(1));
		assertThat(checks.ofCase(filed.caseId()).orElseThrow().status()).isEqualTo(PromiseCheck.Status.OVERDUE);

		StaffMember checker = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "核查员"));
		assertThat(checks.record(checker, check.id(), "", " ")).extracting(FieldProblem::field).containsExactly("outcome", "findings");
		assertThat(checks.record(checker, check.id(), PromiseChecks.CONFIRMED, "2026年现场核查，布局与承诺一致")).isEmpty();
		PromiseCheck done = checks.ofCase(filed.caseId()).orElseThrow();
		assertThat(done.status()).isEqualTo(PromiseCheck.Status.CONFIRMED);
		assertThat(done.findings()).isEqualTo("2026年现场核查，布局与承诺一致");
		assertThat(done.checkedBy()).isEqualTo("核查员");
		assertThat(catchThrowableOfType(DomainException.class,
				() -> checks.record(checker, check.id(), PromiseChecks.FALSE_PROMISE, "再次核查")).code()).isEqualTo("promise-check-moved");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'PROMISE_CHECK' and subject = ?").param("case:" + filed.caseId())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(licences.byIdentifier(licenceOf(filed.caseId())).orElseThrow().status()).isEqualTo(LicenceManagement.Status.VALID);
	}

	@Test
	void aFalsePromiseRevokesTheDecisionAndTheLicenceRecordsTheBreachAndBarsPromisingAgain() {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "不实审批员"));
		Filed filed = approvedUnderPromise("承诺不实", market);
		PromiseCheck check = checks.ofCase(filed.caseId()).orElseThrow();
		String identifier = licenceOf(filed.caseId());

		StaffMember admin = people.signedIn(newStaff("XH-SCJG", Role.DEPT_ADMIN, "核查科长"));
		assertThat(checks.record(admin, check.id(), PromiseChecks.FALSE_PROMISE, "现场无独立粗加工区，与承诺不符")).isEmpty();

		assertThat(checks.ofCase(filed.caseId()).orElseThrow().status()).isEqualTo(PromiseCheck.Status.FALSE_PROMISE);
		var revoked = cases.find(filed.actor(), filed.caseId()).orElseThrow();
		assertThat(revoked.status()).isEqualTo(CaseStatus.REVOKED);
		assertThat(revoked.events()).anyMatch(e -> e.action().equals("REVOKED") && e.note().contains("与承诺不符"));
		assertThat(licences.byIdentifier(identifier).orElseThrow().status()).as("verification answers REVOKED")
			.isEqualTo(LicenceManagement.Status.REVOKED);
		assertThat(RestClient.create(url("")).get().uri("/verify/{id}", identifier).retrieve().body(String.class)).contains("撤销");

		PartyBreach breach = PartyBreach.of(breaches.ofParty(filed.actor().party().id()));
		assertThat(breach.caseNumber()).isEqualTo(check.caseNumber());
		assertThat(breach.until()).isEqualTo(LocalDate.now(Clocks.ZONE).plusMonths(12).minusDays(1));
		assertThat(breaches.ofDepartment("XH-SCJG", 500)).anyMatch(b -> b.caseId().equals(filed.caseId().value()));
		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'PROMISE_BREACH'")
			.param(filed.owner().id()).query(Long.class).single()).as("the applicant is told").isEqualTo(1);

		// the company sees its record (its representative acting for it)
		FormSession owner = new FormSession(url(""));
		owner.signIn(filed.owner().idNumber(), PASSWORD);
		owner.postFrom("/account", "/account/acting-as", "partyId", filed.actor().party().id().toString());
		assertThat(owner.get("/cases/" + filed.caseId()).body()).contains("已撤销").contains("撤销准予决定").contains("现场无独立粗加工区")
			.contains("href=\"/account/promise-record\"");
		assertThat(owner.get("/account/promise-record").body()).contains(check.caseNumber()).contains("现场无独立粗加工区")
			.contains(breach.until() + " 前不能以告知承诺方式办理");

		// the same company may not promise again: the materials are required, and a promise is refused at its field
		CaseId again = applying.startDraft(filed.actor(), FOOD);
		List<FieldProblem> refused = casePromises.choose(filed.actor(), again, true, true, filed.owner().name());
		assertThat(refused).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("promise.use", "casework.promise.error.barred"));
		assertThat(refused.getFirst().args()).containsExactly(breach.until().toString());
		assertThat(applying.check(applying.draft(filed.actor(), again))).extracting(FieldProblem::field)
			.contains("promise.use", "material.3", "material.4");
	}

	record PartyBreach(String caseNumber, LocalDate until) {
		static PartyBreach of(List<PromiseBreach> list) {
			assertThat(list).hasSize(1);
			return new PartyBreach(list.getFirst().caseNumber(), list.getFirst().restrictedUntil());
		}
	}

	@Test
	void anUnsignedPromiseOrAnotherNameCannotBeSubmittedOnThePageOrThroughTheApi() throws Exception {
		// the page: promise chosen, not ticked → the page says why beside the field, with the error summary
		Filed filed = foodDraft("未签承诺");
		FormSession browser = new FormSession(url(""));
		assertThat(browser.signIn(filed.owner().idNumber(), PASSWORD)).endsWith("/account");
		browser.postFrom("/account", "/account/acting-as", "partyId", filed.actor().party().id().toString());
		String edit = "/cases/" + filed.caseId() + "/edit";
		assertThat(browser.get(edit).body()).contains("可告知承诺办理").contains("不实承诺的后果");
		var page = browser.postMultipart(edit, edit, List.of(Map.entry("lockVersion", String.valueOf(applying.draft(filed.actor(),
				filed.caseId()).lockVersion())), Map.entry("action", "continue"), Map.entry("promise.shown", "1"), Map.entry("promise.use", "promise"),
				Map.entry("promise.name", filed.owner().name())), List.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("error-summary").contains("href=\"#promise-agree\"").contains("id=\"promise-agree-error\"")
			.contains("请勾选“我已阅读上述承诺书”");
		assertThat(applying.submit(filed.actor(), filed.caseId(), applying.draft(filed.actor(), filed.caseId()).submitToken()))
			.extracting(FieldProblem::field).contains("promise.agree", "material.3", "material.4");

		// the API: a citizen's own item, signed in another name → 422 problem+json at promise.name, submission refused
		Citizen trader = newCitizen("接口承诺", 2);
		RestClient api = RestClient.builder().baseUrl(url("")).defaultHeader("Authorization", "Bearer " + accessToken(trader.id(), "cases.read",
				"cases.write")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
		String id = (String) api.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(Map.of("itemCode", SOLE_TRADER))
			.retrieve().body(Map.class).get("id");
		var other = api.put().uri("/api/cases/{id}/promise", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("use", true, "agreed", true, "name", "张三")).retrieve().toEntity(String.class);
		assertThat(other.getStatusCode().value()).isEqualTo(422);
		assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(other.getBody()).contains("promise.name").contains("casework.promise.error.nameMismatch");
		Map<?, ?> draft = api.get().uri("/api/cases/{id}", id).retrieve().body(Map.class);
		var submitted = api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", draft.get("submitToken"))).retrieve().toEntity(String.class);
		assertThat(submitted.getStatusCode().value()).isEqualTo(422);
		assertThat(submitted.getBody()).contains("promise.name").contains("签名与申请人姓名不一致");
		var unticked = api.put().uri("/api/cases/{id}/promise", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("use", true, "agreed", false, "name", trader.name())).retrieve().toEntity(String.class);
		assertThat(unticked.getStatusCode().value()).isEqualTo(422);
		assertThat(unticked.getBody()).contains("promise.agree");
		assertThat(api.put().uri("/api/cases/{id}/promise", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("use", true, "agreed", true, "name", trader.name())).retrieve().toEntity(String.class).getStatusCode().value())
			.as("signed in the applicant's own name").isEqualTo(204);
		assertThat(api.put().uri("/api/cases/{id}/promise", id).contentType(MediaType.APPLICATION_JSON).body(Map.of("agreed", true))
			.retrieve().toEntity(String.class).getStatusCode().value()).as("no choice at all").isEqualTo(422);
	}

	@Test
	void aCheckIsForTheItemsDepartmentOnly() {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "部门审批员"));
		Filed filed = approvedUnderPromise("他部门核查", market);
		PromiseCheck check = checks.ofCase(filed.caseId()).orElseThrow();

		var health = newStaff("XH-WJ", Role.APPROVER, "卫健核查员");
		FormSession other = FormSession.staff(url(""), health);
		assertThat(other.get("/workbench/promise-checks/" + check.id()).statusCode()).isEqualTo(404);
		assertThat(other.post("/workbench/promise-checks/" + check.id(), "outcome", "FALSE_PROMISE", "findings", "越权").statusCode()).isEqualTo(404);
		assertThat(other.get("/workbench/promise-checks").body()).doesNotContain(check.caseNumber());
		assertThat(other.get("/workbench/promise-checks/not-a-uuid").statusCode()).isEqualTo(404);
		assertThat(checks.ofCase(filed.caseId()).orElseThrow().status()).isEqualTo(PromiseCheck.Status.DUE);

		FormSession own = FormSession.staff(url(""), newStaff("XH-SCJG", Role.APPROVER, "本部门核查员"));
		assertThat(own.get("/workbench/promise-checks").body()).contains(check.caseNumber());
		assertThat(own.get("/workbench/promise-checks/" + check.id()).body()).contains("告知承诺书").contains(filed.owner().name());
	}
}
