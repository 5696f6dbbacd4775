package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.internal.Prefilling;
import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.catalog.CatalogSearch;
import tongban.catalog.ServiceGuide;
import tongban.exchange.AccessRecords;
import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.shared.Clocks;
import tongban.shared.Upload;
import tongban.shared.Uscc;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * 高效办成一件事 (issue #19 §3): each shipped bundle applied for through the services a page uses — one consent fills
 * what the registers hold (each department reading its own item's fields under its grant, recorded for the person), one
 * combined set of values, one submission that files a numbered case with each item's department, or none at all.
 */
class OneThingBundlesIT extends IntegrationTest {

	static final List<String> BUNDLES = List.of("XH-YJS-NEWBORN", "XH-YJS-RESTAURANT", "XH-YJS-SCHOOL", "XH-YJS-COMPANY-CHANGE",
			"XH-YJS-RETIRE", "XH-YJS-DISABLED", "XH-YJS-UTILITIES", "XH-YJS-POSTHUMOUS");

	/** The items this issue added: their guides claim no service the platform does not provide. */
	static final Set<String> NEW_ITEMS = Set.of("330106-GG-0018-01", "330106-GG-0019-01", "330106-GG-0041-01", "330106-GG-0042-01",
			"330106-GG-0043-01", "330106-GG-0044-01", "330106-GG-0045-01", "330106-GG-0046-01", "330106-GG-0047-01", "330106-GG-0048-01",
			"330106-GG-0049-01", "330106-GG-0050-01", "330106-XK-0040-01", "330106-GG-0051-01", "330106-QR-0011-01");

	@Autowired
	Bundles bundles;

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	Prefilling prefilling;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ResourceCatalogue registers;

	@Autowired
	SharingGrants grants;

	@Autowired
	AccessRecords reads;

	@Autowired
	Representation companies;

	@Autowired
	CatalogSearch search;

	@Test
	void peopleFindTheBundlesByHowTheyAskNotByTheirNames() {
		Map<String, String> asked = Map.of("家里老人去世了要办什么", "XH-YJS-POSTHUMOUS", "孩子明年上小学", "XH-YJS-SCHOOL", "我要办退休",
				"XH-YJS-RETIRE", "新店要装宽带和接电", "XH-YJS-UTILITIES", "公司变更了地址", "XH-YJS-COMPANY-CHANGE", "办残疾证", "XH-YJS-DISABLED");
		asked.forEach((query, bundle) -> assertThat(search.search(query, null, null, null, 10).bundles()).as(query).extracting(Bundle::code)
			.contains(bundle));
	}

	@Test
	void everyBundlesItemsArePublishedOnlineForItsAudienceAndHandledByDemoStaff() {
		for (String code : BUNDLES) {
			Bundle b = catalog.bundle(code).orElseThrow(() -> new AssertionError("no bundle " + code));
			assertThat(b.name()).endsWith(Bundle.SUFFIX);
			assertThat(b.items()).as(code).hasSizeBetween(2, 10).doesNotHaveDuplicates();
			for (String item : b.items()) {
				ServiceGuide g = catalog.published(item).orElseThrow(() -> new AssertionError(code + ": " + item + " is not published")).guide();
				assertThat(g.appliesOnline()).as(item + " online").isTrue();
				assertThat(g.servedParty()).as(item + " serves " + b.audience()).contains(ServiceGuide.ServedParty.valueOf(b.audience()));
				assertThat(g.applicationForm().fields()).as(item + " has its own form").isNotEmpty().isNotSameAs(ServiceGuide.DEFAULT_FORM.fields());
				assertThat(jdbc.sql("""
						select count(*) from identity_account a join directory_department d on d.id = a.department_id
						where d.code = ? and a.roles like '%APPROVER%' and a.username like 'approver%'""").param(g.department()).query(Long.class).single())
					.as("a demo approver handles " + item + " of " + g.department()).isPositive();
			}
			// the combined form asks a shared field once: fewer questions than the items' forms together
			List<ServiceGuide> guides = b.items().stream().map(i -> catalog.published(i).orElseThrow().guide()).toList();
			assertThat(Bundle.combinedForm(guides).fields().size()).as(code + " shares fields")
				.isLessThan(guides.stream().mapToInt(g -> g.applicationForm().fields().size()).sum());
		}
		for (String item : NEW_ITEMS) {
			ServiceGuide g = catalog.published(item).orElseThrow().guide();
			assertThat(List.of(g.appointment(), g.delivery(), g.onlinePayment(), g.selfService())).as(item + " badges").containsOnly(false);
		}
		assertThat(catalog.published("330106-GG-0018-01").orElseThrow().guide().department()).isEqualTo("XH-MZ");
		assertThat(catalog.published("330106-GG-0019-01").orElseThrow().guide().department()).isEqualTo("XH-SCJG");
	}

	@Test
	void retirementFillsFromTwoRegistersAndFilesWithBothDepartments() {
		Citizen c = newCitizen("退休申请人", 2);
		resident(c);
		registers.putRecord("XH-RLSB-SB", c.idNumber(), Map.of("name", c.name(), "insuranceType",
				"职工基本养老保险", "status", "正常参保", "since", "1996-07-01", "employer", "杭州西湖示范餐饮有限公司"));
		granted("XH-RLSB", "XH-GA-RK", "XH-GA", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"));
		granted("XH-YB", "XH-RLSB-SB", "XH-RLSB", List.of("name", "employer", "since", "status"));
		var filed = apply(TestCases.actor(c), "XH-YJS-RETIRE", Map.of("retireType", "到达法定退休年龄", "retireDate", "2027-03-01",
				"bank", "杭州银行", "medicalYears", "30"), Set.of("gender", "birthDate", "householdAddress", "employer", "insuredSince"));
		assertThat(filed.departments()).containsExactly("XH-RLSB", "XH-YB");
		assertThat(filed.served()).containsEntry("employer", "杭州西湖示范餐饮有限公司").containsEntry("insuredSince", "1996-07-01")
			.containsEntry("householdAddress", "浙江省杭州市西湖区文三路 1 号");
		// each department's read of the person's data is on their 谁查询了我的数据
		Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reads.readsOf(c.idNumber(), c.id(), 20))
			.extracting(a -> a.departmentCode() + "/" + a.outcome()).contains("XH-RLSB/PREFILL", "XH-YB/PREFILL"));
	}

	@Test
	void schoolEntryFillsThePropertyAndFilesWithEducationAndHealth() {
		Citizen parent = newCitizen("入学家长", 2);
		registers.putRecord("XH-GHZY-BDC", parent.idNumber(), Map.of("name", parent.name(), "certificateNumber", "浙(2021)杭州市不动产权第0456789号",
				"address", "浙江省杭州市西湖区学院路 9 号 2 幢 301 室", "area", "96.00", "use", "住宅"));
		granted("XH-JY", "XH-GHZY-BDC", "XH-GHZY", List.of("name", "certificateNumber", "address"));
		var filed = apply(TestCases.actor(parent), "XH-YJS-SCHOOL", Map.ofEntries(Map.entry("householdAddress", "浙江省杭州市西湖区学院路 9 号"),
				Map.entry("childName", "张小学"), Map.entry("childId", TestPeople.idNumber()), Map.entry("childBirthDate", "2020-05-01"),
				Map.entry("guardian", "母亲"), Map.entry("grade", "小学一年级"), Map.entry("basis", "本区户籍且有房产"),
				Map.entry("school", "杭州市西湖区学军小学")), Set.of("propertyCertificate", "propertyAddress"));
		assertThat(filed.departments()).containsExactly("XH-JY", "XH-WJ");
	}

	@Test
	void disabilityServicesFileWithTheFederationAndCivilAffairs() {
		Citizen c = newCitizen("残疾申请人", 2);
		resident(c);
		granted("XH-CL", "XH-GA-RK", "XH-GA", List.of("name", "idNumber", "householdAddress"));
		var filed = apply(TestCases.actor(c), "XH-YJS-DISABLED", Map.of("disabilityType", "肢体残疾", "subsidy", "两项都申请", "lowIncome", "是"),
				Set.of("householdAddress"));
		assertThat(filed.departments()).containsExactly("XH-CL", "XH-MZ");
	}

	@Test
	void afterADeathOneApplicationReachesFourDepartments() {
		Citizen c = newCitizen("家属申请人", 2);
		resident(c);
		granted("XH-RLSB", "XH-GA-RK", "XH-GA", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"));
		var filed = apply(TestCases.actor(c), "XH-YJS-POSTHUMOUS", Map.ofEntries(Map.entry("deceasedName", "家属之父"),
				Map.entry("deceasedId", TestPeople.idNumber()), Map.entry("deathDate", LocalDate.now(Clocks.ZONE).minusDays(3).toString()),
				Map.entry("relation", "子女"), Map.entry("bank", "中国银行"), Map.entry("propertyCertificate", "浙(2015)杭州市不动产权第0011223号"),
				Map.entry("propertyAddress", "浙江省杭州市西湖区文二路 5 号"), Map.entry("heirs", "2")), Set.of("householdAddress"));
		assertThat(filed.departments()).containsExactly("XH-GA", "XH-RLSB", "XH-YB", "XH-GHZY");
	}

	@Test
	void aCompanyChangeFillsTheCompanysFactsAndUpdatesFourRegistrations() {
		Citizen rep = newCitizen("变更法代", 2);
		Actor company = company(rep, "杭州西湖变更测试有限公司");
		granted("XH-SW", "XH-SCJG-ZT", "XH-SCJG", List.of("uscc", "name", "legalRepresentative"));
		var filed = apply(company, "XH-YJS-COMPANY-CHANGE", Map.of("contactName", "王联系", "contactPhone", "13700012345", "changeDate",
				LocalDate.now(Clocks.ZONE).toString(), "changeItems", "住所由文三路 1 号变更为文二路 8 号", "newAddress", "浙江省杭州市西湖区文二路 8 号"),
				Set.of("uscc", "entityName", "legalName"));
		assertThat(filed.departments()).containsExactly("XH-SCJG", "XH-SW", "XH-RLSB", "XH-YB");
		assertThat(filed.served()).containsEntry("entityName", "杭州西湖变更测试有限公司").containsEntry("legalName", rep.name());
	}

	@Test
	void utilitiesAreOneApplicationForTheRoadPermitAndTheServiceCentresUtilityCounter() {
		Citizen rep = newCitizen("报装法代", 2);
		Actor company = company(rep, "杭州西湖报装测试有限公司");
		granted("XH-ZJ", "XH-SCJG-ZT", "XH-SCJG", List.of("uscc", "name", "legalRepresentative"));
		LocalDate from = LocalDate.now(Clocks.ZONE).plusDays(10);
		var filed = apply(company, "XH-YJS-UTILITIES", Map.ofEntries(Map.entry("contactName", "李工"), Map.entry("contactPhone", "13700054321"),
				Map.entry("siteAddress", "浙江省杭州市西湖区西溪路 100 号"), Map.entry("powerLoad", "80"), Map.entry("waterUse", "非居民生活用水"),
				Map.entry("gasLoad", "20"), Map.entry("bandwidth", "1000M"), Map.entry("roadSection", "西溪路（古墩路至紫金港路段）"),
				Map.entry("digArea", "12"), Map.entry("digFrom", from.toString()), Map.entry("digTo", from.plusDays(5).toString())),
				Set.of("uscc", "entityName"));
		assertThat(filed.departments()).containsExactly("XH-ZJ", "XH-ZWFW", "XH-ZWFW", "XH-ZWFW", "XH-ZWFW");
	}

	@Test
	void aProblemInOneItemSubmitsNoneOfTheBundle() {
		Citizen c = newCitizen("漏填申请人", 2);
		Actor a = TestCases.actor(c);
		UUID id = bundles.startBundle(a, catalog.bundle("XH-YJS-DISABLED").orElseThrow());
		// 残疾人两项补贴 asks which subsidy; left out, neither case is filed
		save(a, id, Map.of("householdAddress", "浙江省杭州市西湖区文三路 1 号", "disabilityType", "肢体残疾", "lowIncome", "否"));
		assertThat(bundles.submitBundle(a, id)).extracting(p -> p.field()).contains("subsidy");
		assertThat(jdbc.sql("select count(*) from casework_case where bundle_id = ? and status <> 'DRAFT'").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select status from casework_bundle where id = ?").param(id).query(String.class).single()).isEqualTo("DRAFT");
	}

	@Test
	void theTwoItemsOtherPartsLinkToAreAppliedForOnline() {
		Citizen elder = newCitizen("优待申请人", 2);
		resident(elder);
		granted("XH-MZ", "XH-GA-RK", "XH-GA", List.of("name", "idNumber", "birthDate", "householdAddress"));
		Actor a = TestCases.actor(elder);
		CaseId card = applying.startDraft(a, "330106-GG-0018-01");
		assertThat(prefilling.prefill(a, card, applying.draft(a, card).lockVersion())).as("birth date and household address").isEqualTo(2);
		var draft = applying.draft(a, card);
		assertThat(applying.saveDraft(a, card, draft.lockVersion(), Map.of("birthDate", draft.values().get("birthDate"), "householdAddress",
				draft.values().get("householdAddress"), "pickup", "窗口领取"), Map.of(1, new Upload("照片.png", ApplyOnlineJourneyIT.PNG)),
				Map.of("photo", new Upload("照片.png", ApplyOnlineJourneyIT.PNG)))).isEmpty();
		assertThat(applying.submit(a, card, applying.draft(a, card).submitToken())).isEmpty();

		Citizen rep = newCitizen("年报法代", 2);
		Actor company = company(rep, "杭州西湖年报测试有限公司");
		CaseId report = applying.startDraft(company, "330106-GG-0019-01");
		String uscc = jdbc.sql("select uscc from identity_legal_person where id = ?").param(company.party().id()).query(String.class).single();
		assertThat(applying.saveDraft(company, report, applying.draft(company, report).lockVersion(), Map.ofEntries(Map.entry("uscc", uscc),
				Map.entry("entityName", "杭州西湖年报测试有限公司"), Map.entry("reportYear", String.valueOf(LocalDate.now(Clocks.ZONE).getYear() - 1)),
				Map.entry("mailAddress", "浙江省杭州市西湖区文三路 1 号"), Map.entry("contactPhone", "13700012345"), Map.entry("operating", "开业"),
				Map.entry("employees", "12"), Map.entry("revenue", "350"), Map.entry("taxPaid", "21"), Map.entry("publishFinancials", "不公示")),
				Map.of(1, new Upload("年报.png", ApplyOnlineJourneyIT.PNG)), Map.of())).isEmpty();
		assertThat(applying.submit(company, report, applying.draft(company, report).submitToken())).isEmpty();
		assertThat(jdbc.sql("select department_code from casework_case where id in (?, ?) order by item_code").params(card.value(), report.value())
			.query(String.class).list()).containsExactly("XH-MZ", "XH-SCJG");
	}

	record Filed(UUID bundleId, List<String> departments, Map<String, String> served) {
	}

	/**
	 * Starts the bundle, consents to the prefill once, fills the rest, uploads each item's own required materials (the
	 * combined page maps one upload to every item listing it) and submits: every case numbered and submitted.
	 */
	private Filed apply(Actor a, String bundleCode, Map<String, Object> typed, Set<String> prefilled) {
		Bundle b = catalog.bundle(bundleCode).orElseThrow();
		UUID id = bundles.startBundle(a, b);
		Map<String, String> served = prefilling.prefillAll(a, bundles.bundleCases(a, id));
		assertThat(served.keySet()).as("prefilled from the registers").containsAll(prefilled);
		assertThat(served.values()).as("each value served").allMatch(v -> !v.isBlank());
		Map<String, Object> values = new LinkedHashMap<>(served);
		values.putAll(typed);
		save(a, id, values);
		assertThat(bundles.submitBundle(a, id)).as(bundleCode + " submits").isEmpty();
		List<Map<String, Object>> rows = jdbc.sql("""
				select c.item_code, c.department_code, c.status, c.case_number from casework_case c where c.bundle_id = ?""")
			.param(id).query().listOfRows();
		assertThat(rows).hasSize(b.items().size()).allSatisfy(r -> {
			assertThat(r.get("status")).isEqualTo("SUBMITTED");
			assertThat(r.get("case_number")).isNotNull();
		});
		List<String> departments = bundles.bundleCases(a, id).stream().map(CaseView::departmentCode).toList();
		assertThat(bundles.bundleCases(a, id)).extracting(CaseView::itemCode).containsExactlyElementsOf(b.items());
		assertThat(jdbc.sql("select status from casework_bundle where id = ?").param(id).query(String.class).single()).isEqualTo("SUBMITTED");
		return new Filed(id, departments, served);
	}

	/** What the combined page does on save: the same values into every draft, each draft's own required materials uploaded. */
	private void save(Actor a, UUID bundleId, Map<String, Object> values) {
		for (CaseView c : bundles.bundleCases(a, bundleId)) {
			ServiceGuide g = cases.guideOf(c);
			Map<Integer, Upload> uploads = new LinkedHashMap<>();
			for (int i = 0; i < g.materials().size(); i++) {
				ServiceGuide.Material m = g.materials().get(i);
				if (!"GOVERNMENT".equals(m.source()) && "REQUIRED".equals(m.necessity())) {
					uploads.put(i, new Upload("材料" + i + ".png", ApplyOnlineJourneyIT.PNG));
				}
			}
			var problems = applying.saveDraft(a, c.id(), c.lockVersion(), values, uploads, Map.of());
			assertThat(problems).as(c.itemName()).allMatch(p -> !p.code().startsWith("case.error") && !p.field().startsWith("material."));
		}
	}

	/** The person in the population register, as the demo's residents are. */
	private void resident(Citizen c) {
		String id = c.idNumber();
		registers.putRecord("XH-GA-RK", id, Map.of("name", c.name(), "idNumber", id, "gender", (id.charAt(16) - '0') % 2 == 1 ? "男" : "女",
				"birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14), "ethnicity", "汉族",
				"householdAddress", "浙江省杭州市西湖区文三路 1 号"));
	}

	/** A company of the citizen's (registered in the business register) and the citizen acting for it. */
	private Actor company(Citizen rep, String name) {
		String first17 = "91330106MA" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000));
		String uscc = first17 + Uscc.checkCharacter(first17);
		UUID id = companies.registerLegalPerson(rep.id(), uscc, name);
		registers.putRecord("XH-SCJG-ZT", uscc, Map.of("uscc", uscc, "name", name, "legalRepresentative", rep.name(), "address",
				"浙江省杭州市西湖区文三路 1 号", "status", "存续", "establishedOn", "2020-01-01"));
		return new Actor(rep.id(), rep.name(), new Party(Party.Kind.LEGAL_PERSON, id, name));
	}

	/** A grant in force for the department's prefill (the demo ships the same ones; a test does not rely on them). */
	private void granted(String consumer, String resource, String provider, List<String> fields) {
		var grant = (Grant) grants.requestGrant(consumer, resource, fields, "测试：一件事预填", "测试依据", LocalDate.now(Clocks.ZONE).plusDays(30), "测试");
		if (grant.status().equals("REQUESTED")) {
			grants.decide(grant.id(), provider, true, null, "测试");
		}
	}
}
