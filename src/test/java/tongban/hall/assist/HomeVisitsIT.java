package tongban.hall.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.CounterVisits;
import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.HistoryParties;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.domain.ProxyGrant;
import tongban.identity.domain.ProxyGrantRepository;
import tongban.shared.DemoData;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * 上门服务 (issue 20's done-when): an elderly person's request made by the community worker 李代办 is assigned to 陈街道 of
 * 北山街道, who checks the person's identity in person, files the case with them as counter intake, records the visit and
 * types in the code the person got by SMS; the case is filed and the person is invited to rate the visit. Then the
 * refusals: bad requests, steps out of order, wrong codes, someone else's visit.
 */
class HomeVisitsIT extends IntegrationTest {

	static final String ITEM = "330106-GF-0004-01";
	static final String BEISHAN = "330106002";

	@Autowired
	HomeVisits visits;

	@Autowired
	HomeVisitDesk desk;

	@Autowired
	HistoryParties parties;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Cases cases;

	@Autowired
	CounterVisits counterVisits;

	@Autowired
	DemoData demo;

	@Autowired
	ServicePoints points;

	@Autowired
	WindowStaff windowStaff;

	@Autowired
	ProxyGrantRepository proxies;

	/** A demo member of staff as the test signs them in (their TOTP secret is the README's). */
	private People.Staff demoStaff(String username, String secret) {
		HistoryParties.Staff s = parties.staffByUsername(username).orElseThrow();
		return new People.Staff(s.id(), username, s.name(), s.departmentCode(), demo.password(), secret);
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private HomeVisits.Request request(Citizen person) {
		return new HomeVisits.Request(person.name(), person.idNumber(), person.mobile(), "北山街道曙光社区 1 幢 101 室", BEISHAN, ITEM, "ELDERLY");
	}

	private String smsWith(String mobile, String words) {
		return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			try {
				return lastSms(mobile);
			}
			catch (RuntimeException none) {
				return "";
			}
		}, text -> text.contains(words));
	}

	@Test
	void anElderlyPersonsRequestByTheCommunityWorkerEndsInAFiledCaseAndARating() {
		Citizen elder = newCitizen("孙阿婆", 2);
		FormSession agent = FormSession.staff(url(""), demoStaff("agent-sg", "TONGBANDEMOAGENTSGAAAAAAAAAAAAAA"));
		// a wrong ID number is refused at its field, nothing filed
		HttpResponse<String> refused = agent.postFrom("/workbench/hall/home-visits/new", "/workbench/hall/home-visits/new", "name", elder.name(),
				"idNumber", "330106194203150021", "phone", elder.mobile(), "address", "北山街道曙光社区 1 幢 101 室", "townshipCode", BEISHAN,
				"itemCode", ITEM, "reason", "ELDERLY");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("请填写正确的 18 位身份证号").contains("error-summary");
		String visitPage = location(agent.postFrom("/workbench/hall/home-visits/new", "/workbench/hall/home-visits/new", "name", elder.name(),
				"idNumber", elder.idNumber(), "phone", elder.mobile(), "address", "北山街道曙光社区 1 幢 101 室", "townshipCode", BEISHAN,
				"itemCode", ITEM, "reason", "ELDERLY"));
		UUID id = UUID.fromString(visitPage.substring(visitPage.lastIndexOf('/') + 1));
		// the community worker sees the request masked, assigned to 陈街道 of the township's 便民服务中心
		String seen = agent.get(visitPage).body();
		assertThat(seen).contains("陈街道").contains("已安排工作人员").doesNotContain(elder.idNumber()).doesNotContain(elder.mobile());
		HomeVisits.HomeVisit visit = visits.forCitizen(elder.id(), id);
		assertThat(visit.status()).isEqualTo(HomeVisitStatus.ASSIGNED);
		assertThat(visit.pointId()).isEqualTo(points.pointByCode("XH-BM-BS").orElseThrow().id());
		assertThat(visit.channel()).isEqualTo(HomeVisits.RequestChannel.COMMUNITY);
		// encrypted at rest
		assertThat(jdbc.sql("select id_number_enc || phone_enc || address_enc from hall_home_visit where id = ?").param(id).query(String.class).single())
			.doesNotContain(elder.idNumber()).doesNotContain(elder.mobile()).doesNotContain("曙光社区");

		FormSession clerk = FormSession.staff(url(""), demoStaff("clerk-bs", "TONGBANDEMOCLERKBSAAAAAAAAAAAAAA"));
		assertThat(clerk.get("/workbench/hall/home-visits").body()).contains(elder.name());
		String page = clerk.get(visitPage).body();
		assertThat(page).contains(elder.idNumber());
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ' and subject = ?").param("home-visit:" + id)
			.query(Integer.class).single()).isPositive();
		// a visit cannot be recorded before the identity check
		assertThat(clerk.postFrom(visitPage, visitPage + "/visited", "notes", "上门").statusCode()).isEqualTo(409);
		location(clerk.postFrom(visitPage, visitPage + "/identity"));
		assertThat(identity.account(elder.id()).orElseThrow().assuranceLevel()).isEqualTo(3);
		String draftPage = location(clerk.postFrom(visitPage, visitPage + "/case"));
		assertThat(draftPage).isEqualTo(visitPage + "/draft");
		// submitting without the bank account material is refused at it
		HttpResponse<String> missing = clerk.postMultipart(draftPage, draftPage, List.of(Map.entry("action", "submit")), List.of());
		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(missing.body()).contains("error-summary");
		location(clerk.postMultipart(draftPage, draftPage, List.of(Map.entry("action", "submit"), Map.entry("v.applicantName", elder.name()),
				Map.entry("v.contactName", "孙阿婆的女儿"), Map.entry("v.phone", elder.mobile()), Map.entry("v.request", "申请高龄津贴")),
				List.of(new FormSession.FilePart("m.2", "bank.png", ApplyOnlineJourneyIT.PNG))));
		UUID caseId = visits.forCitizen(elder.id(), id).caseId();
		CaseView filed = cases.find(TestCases.actor(elder), CaseId.of(caseId)).orElseThrow();
		assertThat(filed.status()).isNotEqualTo(CaseStatus.DRAFT);
		assertThat(filed.caseNumber()).isNotBlank();
		assertThat(counterVisits.count(CaseId.of(caseId), CounterVisits.Kind.INTAKE)).isEqualTo(1);
		assertThat(clerk.get(visitPage).body()).contains(filed.caseNumber());

		location(clerk.postFrom(visitPage, visitPage + "/visited", "notes", "上门为孙阿婆办理高龄津贴申领，已扫描银行卡。"));
		Matcher code = Pattern.compile("确认码 (\\d{6})").matcher(smsWith(elder.mobile(), "确认码"));
		assertThat(code.find()).isTrue();
		String wrong = "000000".equals(code.group(1)) ? "111111" : "000000";
		HttpResponse<String> wrongCode = clerk.postFrom(visitPage, visitPage + "/confirm", "code", wrong);
		assertThat(wrongCode.statusCode()).isEqualTo(422);
		assertThat(wrongCode.body()).contains("确认码不对");
		location(clerk.postFrom(visitPage, visitPage + "/confirm", "code", code.group(1)));
		HomeVisits.HomeVisit done = visits.forCitizen(elder.id(), id);
		assertThat(done.status()).isEqualTo(HomeVisitStatus.CONFIRMED);
		assertThat(done.ratingVisitId()).isNotNull();
		assertThat(smsWith(elder.mobile(), "评价")).contains("/rate/");
		assertThat(clerk.get(visitPage).body()).contains("/rate/");
		assertThat(jdbc.sql("select count(*) from hall_home_visit where id = ? and visited_at is not null and notes like '%高龄津贴%'").param(id)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void stepsOutOfOrderWrongCodesAndOthersVisitsAreRefused() {
		Citizen elder = newCitizen("钱阿公", 2);
		Citizen stranger = newCitizen("周路人", 2);
		People.Staff worker = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "吴代办");
		HomeVisits.Request bad = new HomeVisits.Request("", "123", "12", " ", "999999999", "NOPE", "YOUNG");
		assertThat(visits.check(bad)).containsOnlyKeys("name", "idNumber", "phone", "address", "townshipCode", "itemCode", "reason");
		assertThatThrownBy(() -> visits.request(bad, HomeVisits.RequestChannel.COMMUNITY, null, worker.id(), worker.displayName()))
			.isInstanceOf(DomainException.class);

		// the township's 便民服务中心 when it has window staff, else the district hall (转塘 has none in the demo)
		People.Staff xixi = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "郑西溪");
		ServicePoints.ServicePoint zhuantang = points.pointByCode("XH-BM-ZT").orElseThrow();
		boolean staffed = points.windows(zhuantang.id()).stream().anyMatch(w -> !windowStaff.staffOf(w.id()).isEmpty());
		UUID far = visits.request(new HomeVisits.Request(elder.name(), elder.idNumber(), elder.mobile(), "转塘街道某村", "330106010", ITEM,
				"IMMOBILE"), HomeVisits.RequestChannel.COMMUNITY, elder.id(), worker.id(), worker.displayName());
		HomeVisits.HomeVisit fallback = visits.forCitizen(elder.id(), far);
		assertThat(fallback.status()).isEqualTo(HomeVisitStatus.ASSIGNED);
		assertThat(fallback.pointId()).isEqualTo(staffed ? zhuantang.id() : points.pointByCode("XH-ZWFW-DT").orElseThrow().id());
		visits.cancel(elder.id(), far, "");

		UUID id = visits.request(request(elder), HomeVisits.RequestChannel.COMMUNITY, elder.id(), worker.id(), worker.displayName());
		HomeVisits.HomeVisit visit = visits.forCitizen(elder.id(), id);
		StaffMember assigned = identity.staffMember(visit.assignedAccountId()).orElseThrow();
		StaffMember other = people.signedIn(xixi);
		// someone else's visit is not found, for staff and citizens alike
		assertThatThrownBy(() -> visits.forStaff(other, id)).isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "not-found");
		assertThatThrownBy(() -> visits.person(other, id)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> desk.checkIdentity(other, id)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> visits.forCitizen(stranger.id(), id)).isInstanceOf(DomainException.class);
		FormSession strangerBrowser = new FormSession(url(""));
		strangerBrowser.signIn(stranger.idNumber(), PASSWORD);
		assertThat(strangerBrowser.get("/account/home-visits/" + id).statusCode()).isEqualTo(404);
		// the requester (a community worker) sees it, but only the assigned staff member acts on it
		assertThat(visits.forStaff(people.signedIn(worker), id).personName()).isEqualTo(elder.name());
		assertThatThrownBy(() -> desk.startCase(people.signedIn(worker), id)).isInstanceOf(DomainException.class);
		// out of order: no case and no visit before the identity check; no confirmation before the visit
		assertThatThrownBy(() -> desk.startCase(assigned, id)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-identity");
		assertThatThrownBy(() -> desk.recordVisit(assigned, id, "上门")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-identity");
		assertThatThrownBy(() -> desk.confirm(assigned, id, "123456")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-moved");
		assertThat(desk.checkIdentity(assigned, id)).isEqualTo(IdentityManagement.InPerson.RAISED);
		desk.startCase(assigned, id);
		// a case started but not submitted: the visit cannot be recorded yet
		assertThatThrownBy(() -> desk.recordVisit(assigned, id, "上门")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-case");
		assertThat(desk.submit(assigned, id)).isNotEmpty();
		assertThat(desk.fill(assigned, id, Map.of("applicantName", elder.name(), "contactName", elder.name(), "phone", elder.mobile(),
				"request", "申请高龄津贴"), Map.of(2, new Upload("bank.png", ApplyOnlineJourneyIT.PNG)))).isEmpty();
		assertThat(desk.submit(assigned, id)).isEmpty();
		assertThatThrownBy(() -> desk.recordVisit(assigned, id, "a\u0000b")).isInstanceOf(DomainException.class);
		desk.recordVisit(assigned, id, "已上门");
		// after the visit it can no longer be cancelled
		assertThatThrownBy(() -> visits.cancel(elder.id(), id, "")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-moved");
		String code = smsWith(elder.mobile(), "确认码").replaceAll(".*确认码 (\\d{6}).*", "$1");
		String wrong = "000000".equals(code) ? "111111" : "000000";
		for (int i = 0; i < HomeVisitDesk.MAX_ATTEMPTS; i++) {
			assertThat(desk.confirm(assigned, id, wrong)).isFalse();
		}
		// too many wrong codes: even the right one no longer confirms until a new code is sent
		assertThat(desk.confirm(assigned, id, code)).isFalse();
		assertThat(visits.forCitizen(elder.id(), id).status()).isEqualTo(HomeVisitStatus.VISITED);

		// a visit ahead can be cancelled by the person; then nothing moves it
		UUID second = visits.request(request(elder), HomeVisits.RequestChannel.COMMUNITY, elder.id(), worker.id(), worker.displayName());
		visits.cancel(elder.id(), second, "家人陪同去街道办了");
		assertThat(visits.forCitizen(elder.id(), second).status()).isEqualTo(HomeVisitStatus.CANCELLED);
		StaffMember secondStaff = identity.staffMember(visits.forCitizen(elder.id(), second).assignedAccountId()).orElseThrow();
		assertThatThrownBy(() -> desk.checkIdentity(secondStaff, second)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-moved");
	}

	@Test
	void aPersonAsksForThemselfAndTheStatisticsCountIt() {
		Citizen elder = newCitizen("冯阿婆", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(elder.idNumber(), PASSWORD);
		assertThat(browser.get("/account/home-visits/new").body()).contains(elder.name());
		HttpResponse<String> bad = browser.postFrom("/account/home-visits/new", "/account/home-visits/new", "phone", "123", "address", "",
				"townshipCode", BEISHAN, "itemCode", ITEM, "reason", "");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("请填写正确的 11 位手机号").contains("请选择需要上门的原因");
		String page = location(browser.postFrom("/account/home-visits/new", "/account/home-visits/new", "phone", elder.mobile(), "address",
				"北山街道某小区 2 幢", "townshipCode", BEISHAN, "itemCode", ITEM, "reason", "DISABLED"));
		String body = browser.get(page).body();
		assertThat(body).contains("已安排工作人员").contains("陈街道");
		UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		assertThat(visits.forCitizen(elder.id(), id).channel()).isEqualTo(HomeVisits.RequestChannel.SELF);
		FormSession leader = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.LEADER, "统计领导"));
		HttpResponse<String> statistics = leader.get("/workbench/hall/statistics");
		assertThat(statistics.statusCode()).isEqualTo(200);
		assertThat(statistics.body()).contains("北山街道便民服务中心").contains("上门服务申请");
	}

	@Test
	void aFamilyProxyAsksForThePrincipalWithinTheGrant() {
		Citizen grandmother = newCitizen("陈奶奶", 2);
		Citizen grandson = newCitizen("陈孙子", 2);
		proxies.save(new ProxyGrant(grandmother.id(), grandson.id(), "社会保障卡申领", LocalDate.now().plusDays(30)));
		FormSession browser = new FormSession(url(""));
		browser.signIn(grandson.idNumber(), PASSWORD);
		location(browser.postFrom("/account", "/account/acting-as", "partyId", grandmother.id().toString()));
		assertThat(browser.get("/account/home-visits/new").body()).contains("为您代办的家人（陈奶奶）申请");
		// the grant names another item: refused at the item
		HttpResponse<String> outside = browser.postFrom("/account/home-visits/new", "/account/home-visits/new", "phone", grandson.mobile(),
				"address", "北山街道某小区 3 幢", "townshipCode", BEISHAN, "itemCode", ITEM, "reason", "ELDERLY");
		assertThat(outside.statusCode()).isEqualTo(422);
		assertThat(outside.body()).contains("您的代办授权不包括这件事");
		Citizen grandfather = newCitizen("陈爷爷", 2);
		proxies.save(new ProxyGrant(grandfather.id(), grandson.id(), "ALL", LocalDate.now().plusDays(30)));
		location(browser.postFrom("/account", "/account/acting-as", "partyId", grandfather.id().toString()));
		String page = location(browser.postFrom("/account/home-visits/new", "/account/home-visits/new", "phone", grandson.mobile(),
				"address", "北山街道某小区 3 幢", "townshipCode", BEISHAN, "itemCode", ITEM, "reason", "ELDERLY"));
		UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		HomeVisits.HomeVisit visit = visits.forCitizen(grandfather.id(), id);
		assertThat(visit.channel()).isEqualTo(HomeVisits.RequestChannel.PROXY);
		assertThat(visit.personAccountId()).isEqualTo(grandfather.id());
		assertThat(visit.personName()).isEqualTo("陈爷爷");
		assertThat(visit.requestedById()).isEqualTo(grandson.id());
		assertThat(visit.idNumberMasked()).isNotEqualTo(grandfather.idNumber()).endsWith(grandfather.idNumber().substring(14));
		assertThat(visits.forCitizen(grandson.id(), id).id()).isEqualTo(id);
	}
}
