package tongban.proactive.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.CaseId;
import tongban.casework.CaseSubmitted;
import tongban.exchange.RegisterRecord;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Representation;
import tongban.licence.LicenceManagement;
import tongban.notification.NotificationManagement;
import tongban.notification.NotificationPreferences;
import tongban.notification.NotificationPreferences.Preferences;
import tongban.notification.Topic;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Uscc;
import tongban.support.IntegrationTest;

/**
 * Each trigger of the life-event rules on the real registers and wallet: a birth recommends the 新生儿出生 bundle to
 * both parents with each parent's read on their own page, once however often evaluated; the nightly pass finds a
 * resident turning 80 and a man near retirement; a company's licence due and its annual report; a case submitted acts
 * on a recommendation; preferences keep opted-out topics off every channel and hold text messages in quiet hours.
 */
class LifeEventsIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Autowired
	LifeEvents lifeEvents;

	@Autowired
	LifeRules rules;

	@Autowired
	Recommendations recommendations;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	Representation companies;

	@Autowired
	LicenceManagement licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	static final LocalDate TODAY = LocalDate.now(Clocks.ZONE);

	@BeforeEach
	void platformMayRead() {
		LifeEventsDemoData.platformReads(grants);
	}

	long recommended(UUID party, String rule) {
		return jdbc.sql("select count(*) from proactive_recommendation where party_id = ? and rule_code = ?").params(party, rule).query(Long.class)
			.single();
	}

	long inApp(UUID account) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'PROACTIVE_RECOMMENDED'").param(account)
			.query(Long.class).single();
	}

	void resident(Citizen citizen, LocalDate born, String gender) {
		catalogue.putRecord("XH-GA-RK", citizen.idNumber(), Map.of("name", citizen.name(), "idNumber", citizen.idNumber(), "gender", gender,
				"birthDate", born.toString(), "ethnicity", "汉族", "householdAddress", "浙江省杭州市西湖区文三路 1 号"));
	}

	static String certificate() {
		return "Q" + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

	@Test
	void aBirthRecommendsTheBundleToBothParentsOnceWithEachReadOnTheirPage() {
		Citizen mother = newCitizen("出生母亲", 2);
		Citizen father = newCitizen("出生父亲", 2);
		resident(mother, LocalDate.of(1993, 3, 1), "女");
		resident(father, LocalDate.of(1991, 5, 1), "男");
		preferences.save(father.id(), new Preferences(true, true, null, null, Set.of(Topic.BIRTH)));
		String number = certificate();

		catalogue.putRecord("XH-WJ-CS", number, Map.of("certificateNumber", number, "childName", "出生宝宝", "gender", "女", "birthDate",
				TODAY.minusDays(3).toString(), "birthPlace", "杭州市西湖区", "motherName", mother.name(), "motherIdNumber", mother.idNumber(), "fatherName",
				father.name(), "fatherIdNumber", father.idNumber()));

		await().atMost(Duration.ofSeconds(30)).until(() -> recommended(mother.id(), "LE-BIRTH") == 1 && recommended(father.id(), "LE-BIRTH") == 1);
		var card = recommendations.open(mother.id()).getFirst();
		assertThat(card.title()).contains("新生儿出生");
		assertThat(card.reason()).contains("出生宝宝").contains(Dates.words(TODAY.minusDays(3)));
		assertThat(card.link()).isEqualTo("/bundles/XH-YJS-NEWBORN");
		for (Citizen parent : List.of(mother, father)) {
			assertThat(jdbc.sql("select count(*) from exchange_access where subject_index = ? and resource_code = 'XH-GA-RK' and purpose = '主动服务' "
					+ "and case_number = 'LE-BIRTH' and consumer_department_code = 'XH-ZWFW'").param(keys.blindIndex(parent.idNumber()))
				.query(Long.class).single()).as("the parent's read is on their own page").isEqualTo(1);
		}
		assertThat(inApp(mother.id())).isEqualTo(1);
		assertThat(inApp(father.id())).as("opted out of 生育: nothing in-app").isZero();
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ? and text like '%出生宝宝%'")
			.param(keys.blindIndex(mother.mobile())).query(Long.class).single() == 1);
		assertThat(jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?").param(keys.blindIndex(father.mobile()))
			.query(Long.class).single()).as("no text message to the father").isZero();

		lifeEvents.recordChanged("XH-WJ-CS", keys.blindIndex(number), TODAY);
		lifeEvents.recordChanged("XH-WJ-CS", keys.blindIndex(number), TODAY);
		assertThat(recommended(mother.id(), "LE-BIRTH")).as("once, however often evaluated").isEqualTo(1);
		assertThat(inApp(mother.id())).isEqualTo(1);
	}

	@Test
	void theNightlyPassFindsAResidentTurning80ButNotOneOf79() {
		Citizen eighty = newCitizen("八十老人", 2);
		Citizen seventyNine = newCitizen("七十九老人", 2);
		resident(eighty, TODAY.minusYears(80).minusDays(5), "女");
		resident(seventyNine, TODAY.minusYears(80).plusDays(5), "男");

		lifeEvents.nightly(TODAY);
		lifeEvents.nightly(TODAY);

		assertThat(recommended(eighty.id(), "LE-AGE-80")).isEqualTo(1);
		assertThat(recommendations.open(eighty.id())).anySatisfy(card -> {
			assertThat(card.title()).isEqualTo("高龄津贴申领");
			assertThat(card.reason()).isEqualTo("因为您已年满80周岁，可以申领高龄津贴");
		});
		assertThat(recommended(seventyNine.id(), "LE-AGE-80")).isZero();
		assertThat(jdbc.sql("select count(*) from exchange_access where subject_index = ? and purpose = '主动服务' and case_number = 'LE-AGE-80'")
			.param(keys.blindIndex(eighty.idNumber())).query(Long.class).single()).as("each pass's read is recorded").isEqualTo(2);
	}

	@Test
	void aManIsToldNinetyDaysBeforeHisStatutoryRetirement() {
		String code = "T-RETIRE-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		assertThat(rules.save(new LifeRule(code, "测试退休", Topic.RETIREMENT, LifeRule.SubjectKind.PERSON, LifeRule.Trigger.NIGHTLY,
				LifeRule.OccasionKind.RETIREMENT, "XH-GA-RK", List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "50")), List.of(), 90,
				LifeRule.TargetKind.ITEM, "330106-QR-0004-01", Map.of(), "因为您将于{retirementDate}达到法定退休年龄（{retirementAge}）", 1, true), "test"))
			.isEmpty();
		LocalDate born = TODAY.minusYears(64);
		while (RetirementAge.of(RetirementAge.Start.MEN_60, born).reachedOn().isBefore(TODAY.plusDays(30))) {
			born = born.plusDays(1);
		}
		RetirementAge.Age age = RetirementAge.of(RetirementAge.Start.MEN_60, born);
		Citizen man = newCitizen("临退休男", 2);
		resident(man, born, "男");
		Citizen later = newCitizen("未到退休", 2);
		resident(later, born.plusMonths(6), "男");
		LifeRule rule = rules.rule(code).orElseThrow();

		assertThat(lifeEvents.consider(rule, new RegisterRecord(keys.blindIndex(man.idNumber()), Map.of("gender", "男", "birthDate", born.toString())),
				TODAY)).isEqualTo(1);
		assertThat(lifeEvents.consider(rule, new RegisterRecord(keys.blindIndex(later.idNumber()),
				Map.of("gender", "男", "birthDate", born.plusMonths(6).toString())), TODAY)).isZero();
		assertThat(recommendations.open(man.id())).anySatisfy(card -> assertThat(card.reason())
			.isEqualTo("因为您将于" + age.retiresIn().getYear() + "年" + age.retiresIn().getMonthValue() + "月达到法定退休年龄（" + age.words() + "）"));
	}

	@Test
	void aCompanysLicenceDueAndItsAnnualReportReachItsRepresentative() {
		Citizen owner = newCitizen("年报企业法人", 2);
		String seventeen = "91330106MA" + Long.toString(System.nanoTime() % 78_000_000_000L, 36).toUpperCase();
		seventeen = (seventeen + "0000000").substring(0, 17).replace('I', '1').replace('O', '0').replace('Z', '2').replace('S', '5').replace('V', '7');
		String uscc = seventeen + Uscc.checkCharacter(seventeen);
		UUID company = companies.registerLegalPerson(owner.id(), uscc, "年报测试有限公司");
		var sealer = new SealManagement.Sealer(null, "测试", "XH-SCJG", Set.of("APPROVER"), true);
		var licence = licences.issue(new LicenceManagement.Issue(null, "330106-XK-0001-01", "XH-SCJG", "330106", company,
				Map.of("entityName", "年报测试有限公司", "uscc", uscc), owner.id()), sealer).orElseThrow();

		assertThat(lifeEvents.licencesDue(TODAY)).as("five years ahead: not due").isZero();
		assertThat(lifeEvents.licencesDue(licence.validTo().minusDays(30))).isGreaterThanOrEqualTo(1);
		assertThat(lifeEvents.licencesDue(licence.validTo().minusDays(30))).isZero();
		assertThat(recommended(company, "LE-COMPANY-LICENCE-DUE")).isEqualTo(1);
		assertThat(recommendations.open(company)).anySatisfy(card -> {
			assertThat(card.reason()).isEqualTo("因为贵单位的食品经营许可证将于" + Dates.words(licence.validTo()) + "到期");
			assertThat(card.title()).isEqualTo("食品经营许可（变更）");
		});
		assertThat(inApp(owner.id())).as("the representative is told").isEqualTo(1);

		String code = "T-REPORT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		assertThat(rules.save(new LifeRule(code, "测试年报", Topic.COMPANY_DUE, LifeRule.SubjectKind.COMPANY, LifeRule.Trigger.NIGHTLY,
				LifeRule.OccasionKind.ANNUAL_REPORT, "XH-SCJG-ZT", List.of(new Condition("XH-SCJG-ZT", "status", Operator.EQUALS, "存续")), List.of(), 181,
				LifeRule.TargetKind.ITEM, "330106-XK-0003-02", Map.of(), "因为贵单位{reportYear}年度报告应于{deadline}前报送并公示", 1, true), "test"))
			.isEmpty();
		LifeRule report = rules.rule(code).orElseThrow();
		var record = new RegisterRecord(keys.blindIndex(uscc), Map.of("uscc", uscc, "status", "存续", "establishedOn", "2020-05-01"));
		assertThat(lifeEvents.consider(report, record, LocalDate.of(2027, 7, 1))).as("after 30 June").isZero();
		assertThat(lifeEvents.consider(report, new RegisterRecord(record.subjectIndex(), Map.of("uscc", uscc, "status", "存续", "establishedOn",
				"2027-01-05")), LocalDate.of(2027, 3, 1))).as("established this year").isZero();
		assertThat(lifeEvents.consider(report, record, LocalDate.of(2027, 3, 1))).isEqualTo(1);
		assertThat(lifeEvents.consider(report, record, LocalDate.of(2027, 5, 1))).as("once a year").isZero();
		assertThat(lifeEvents.consider(report, record, LocalDate.of(2028, 1, 2))).as("next year again").isEqualTo(1);
		assertThat(recommendations.open(company)).anySatisfy(card -> assertThat(card.reason()).isEqualTo("因为贵单位2026年度报告应于2027年6月30日前报送并公示"));
	}

	@Test
	void aCaseOfTheItemActsOnTheRecommendationAndOnlyTheOwnerDismisses() {
		Citizen eighty = newCitizen("办理老人", 2);
		resident(eighty, TODAY.minusYears(80).minusDays(1), "男");
		LifeRule rule = rules.rule("LE-AGE-80").orElseThrow();
		assertThat(lifeEvents.consider(rule, new RegisterRecord(keys.blindIndex(eighty.idNumber()),
				Map.of("birthDate", TODAY.minusYears(80).minusDays(1).toString())), TODAY)).isEqualTo(1);
		UUID id = recommendations.open(eighty.id()).getFirst().id();

		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new CaseSubmitted(new CaseId(UUID.randomUUID()),
				"T-CASE", "330106-GF-0004-01", 1, "XH-MZ", Instant.now(), "高龄津贴申领", TODAY.plusDays(10), eighty.id())));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "ACTED".equals(jdbc.sql("select status from proactive_recommendation where id = ?").param(id).query(String.class).single()));
		assertThat(catchThrowableOfType(DomainException.class, () -> recommendations.dismiss(eighty.id(), id)).code())
			.isEqualTo("proactive-recommendation-state");

		Citizen other = newCitizen("他人", 2);
		Citizen seventy = newCitizen("七十老人", 2);
		String code = "T-SEVENTY-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		assertThat(rules.save(new LifeRule(code, "测试七十", Topic.AGEING, LifeRule.SubjectKind.PERSON, LifeRule.Trigger.NIGHTLY,
				LifeRule.OccasionKind.RECORD, "XH-GA-RK", List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "70")), List.of(), 90,
				LifeRule.TargetKind.ITEM, "330106-GF-0004-01", Map.of(), "因为您已年满70周岁", 1, true), "test")).isEmpty();
		lifeEvents.consider(rules.rule(code).orElseThrow(), new RegisterRecord(keys.blindIndex(seventy.idNumber()), Map.of("birthDate", "1950-01-01")),
				TODAY);
		UUID mine = recommendations.open(seventy.id()).getFirst().id();
		assertThat(catchThrowableOfType(DomainException.class, () -> recommendations.dismiss(other.id(), mine)).kind())
			.as("someone else's is not found").isEqualTo(DomainException.Kind.NOT_FOUND);
		recommendations.dismiss(seventy.id(), mine);
		assertThat(recommendations.open(seventy.id())).noneMatch(card -> card.id().equals(mine));
	}

	@Test
	void aRuleNamingAnUnknownFieldOrAnUnpublishedItemIsRefusedByName() {
		LifeRule bad = new LifeRule("T-BAD", "坏规则", Topic.AGEING, LifeRule.SubjectKind.PERSON, LifeRule.Trigger.NIGHTLY, LifeRule.OccasionKind.RECORD,
				"XH-GA-RK", List.of(new Condition("XH-GA-RK", "birthday", Operator.AGE_AT_LEAST, "60")), List.of("spouseIdNumber"), 90,
				LifeRule.TargetKind.ITEM, "330106-NO-9999-01", Map.of(), "理由", 1, true);
		Map<String, String> problems = rules.save(bad, "test");
		assertThat(problems.get("conditions")).contains("birthday");
		assertThat(problems.get("personFields")).contains("spouseIdNumber");
		assertThat(problems.get("targetCode")).contains("330106-NO-9999-01");
		assertThat(rules.rule("T-BAD")).isEmpty();
	}

	@Test
	void optedOutTopicsSendNothingAndQuietHoursHoldTextMessages() {
		Citizen quiet = newCitizen("免打扰", 2);
		Citizen away = newCitizen("不接收", 2);
		LocalTime now = LocalTime.now(Clocks.ZONE).withSecond(0).withNano(0);
		preferences.save(quiet.id(), new Preferences(true, false, now.minusHours(1), now.plusHours(1), Set.of()));
		preferences.save(away.id(), new Preferences(true, true, null, null, Set.of(Topic.AGEING)));
		var vars = Map.of("reason", "测试理由", "title", "测试事项");

		notifications.notifyOnTopic(Topic.AGEING, new NotificationManagement.Recipient(away.id(), away.name(), away.mobile(), "away@example.cn"),
				"PROACTIVE_RECOMMENDED", vars, "/account/recommendations");
		notifications.notifyOnTopic(Topic.AGEING, new NotificationManagement.Recipient(quiet.id(), quiet.name(), quiet.mobile(), "quiet@example.cn"),
				"PROACTIVE_RECOMMENDED", vars, "/account/recommendations");

		assertThat(inApp(away.id())).isZero();
		assertThat(inApp(quiet.id())).as("in-app is always kept").isEqualTo(1);
		List<OffsetDateTime> held = jdbc.sql("select next_attempt_at from notification_delivery where body like '%测试理由%' and channel = 'SMS'")
			.query(OffsetDateTime.class).list();
		assertThat(held).as("only the quiet person's SMS, held").hasSize(1);
		Instant expected = preferences.of(quiet.id()).sendableFrom(Instant.now());
		assertThat(held.getFirst().toInstant()).isAfter(Instant.now().plusSeconds(3000)).isBetween(expected.minusSeconds(60), expected.plusSeconds(60));
		assertThat(jdbc.sql("select count(*) from notification_delivery where body like '%测试理由%' and channel = 'EMAIL'").query(Long.class).single())
			.as("e-mail turned off").isZero();
		assertThat(jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?").param(keys.blindIndex(away.mobile()))
			.query(Long.class).single()).isZero();
	}
}
