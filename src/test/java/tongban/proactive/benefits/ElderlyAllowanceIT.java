package tongban.proactive.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Role;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * The 高龄津贴 batch end to end (issue #19 "Done when"): a resident who turns 80 today (their population record made
 * here) is offered the allowance, sees which data and rule version made the decision, confirms with one click and a
 * payment order goes to the disbursement; a contest opens a case staff answer; a resident one day short of 80 gets no
 * decision and no message; a rule with an unknown field is refused by name; someone else's decision is not found; a
 * contest without a reason is refused at the field; a batch run twice decides once.
 */
class ElderlyAllowanceIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Autowired
	BenefitPolicies policies;

	@Autowired
	BenefitBatch batch;

	@Autowired
	BenefitDecisions decisions;

	String prefix;
	BenefitPolicy policy;
	Citizen eighty;
	Citizen seventyNine;
	LocalDate today;

	@BeforeAll
	void policyAndResidents() {
		today = LocalDate.now(Clocks.ZONE);
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		prefix = "浙江省杭州市西湖区测试街道" + nonce;
		var grant = (Grant) grants.requestGrant("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "高龄津贴测试", "测试依据",
				today.plusDays(2), "测试");
		grants.decide(grant.id(), "XH-GA", true, null, "测试");
		eighty = people.citizen("高寿民", 2);
		seventyNine = people.citizen("差一天", 2);
		catalogue.putRecord("XH-GA-RK", eighty.idNumber(), resident(eighty, today.minusYears(80)));
		catalogue.putRecord("XH-GA-RK", seventyNine.idNumber(), resident(seventyNine, today.minusYears(80).plusDays(1)));
		String code = "T-GLJT-" + nonce;
		var saved = policies.save(draft(code, "birthDate"), "XH-MZ", "测试");
		assertThat(saved).isEmpty();
		policy = policies.byCode(code).orElseThrow();
	}

	private PolicyDraft draft(String code, String ageField) {
		return new PolicyDraft(null, code, "高龄津贴（测试" + code + "）", "PERSON", "XH-GA-RK",
				List.of(new Condition("XH-GA-RK", ageField, Operator.AGE_AT_LEAST, "80"), new Condition("XH-GA-RK", "householdAddress", Operator.STARTS_WITH, prefix)),
				"AGE_BANDS", "birthDate", null, "80:100；90:300；100:600", "CONFIRM", "MONTHLY", "idNumber", "name", "《中华人民共和国老年人权益保障法》第三十三条",
				"/policies");
	}

	private Map<String, String> resident(Citizen citizen, LocalDate born) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", citizen.name());
		values.put("idNumber", citizen.idNumber());
		values.put("gender", "男");
		values.put("birthDate", born.toString());
		values.put("ethnicity", "汉族");
		values.put("householdAddress", prefix + " 8 号");
		return values;
	}

	@Test
	void aRuleWithAnUnknownFieldIsRefusedNamingIt() {
		var problems = policies.save(draft("T-BAD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "birthday"), "XH-MZ", "测试");
		assertThat(problems).containsKey("conditions");
		assertThat(problems.get("conditions").argument()).contains("birthday");
	}

	@Test
	void theResidentTurningEightyIsOfferedConfirmsAndContests_theOtherGetsNothing() {
		BatchRun first = batch.run(policy, "测试", today);
		BatchRun second = batch.run(policy, "测试", today);
		assertThat(first.eligible()).isEqualTo(1);
		assertThat(first.granted()).isEqualTo(1);
		assertThat(first.read()).isGreaterThan(1);
		assertThat(second.eligible()).as("the second run finds the same person").isEqualTo(1);
		assertThat(second.granted()).as("but decides nothing twice").isZero();
		assertThat(jdbc.sql("select count(*) from proactive_benefit_decision where policy_id = ?").param(policy.id()).query(Long.class).single()).isEqualTo(1);

		String index = keys.blindIndex(eighty.idNumber());
		assertThat(jdbc.sql("select count(*) from exchange_access where subject_index = ? and purpose = ? and case_number = ?")
			.params(index, policy.name(), "免申即享批次 " + first.id())
			.query(Long.class)
			.single()).as("the batch's read is on the person's record of reads").isEqualTo(1);
		assertThat(messages(eighty.id(), "BENEFIT_OFFERED")).isEqualTo(1);
		assertThat(messages(seventyNine.id(), "BENEFIT_OFFERED")).isZero();
		assertThat(decisions.of(keys.blindIndex(seventyNine.idNumber()))).isEmpty();

		UUID decisionId = decisions.of(index).getFirst().id();
		FormSession resident = new FormSession(url(""));
		resident.signIn(eighty.idNumber(), PASSWORD);
		assertThat(resident.get("/account/benefits").body()).contains(policy.name());
		String page = resident.get("/account/benefits/" + decisionId).body();
		assertThat(page).contains("出生日期 " + today.minusYears(80) + "：年满 80（成立）").contains("规则 " + policy.code() + " 第 1 版").contains("100.00 元");

		FormSession other = new FormSession(url(""));
		other.signIn(seventyNine.idNumber(), PASSWORD);
		assertThat(other.get("/account/benefits").body()).contains("data-testid=\"no-benefits\"");
		assertThat(other.get("/account/benefits/" + decisionId).statusCode()).isEqualTo(404);
		assertThat(other.postFrom("/account/benefits", "/account/benefits/" + decisionId + "/confirm", "bankAccount", "6222021234567890123")
			.statusCode()).isEqualTo(404);
		assertThat(other.postFrom("/account/benefits", "/account/benefits/" + decisionId + "/contest", "reason", "不是我").statusCode()).isEqualTo(404);

		HttpResponse<String> noReason = resident.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/contest", "reason", "  ");
		assertThat(noReason.statusCode()).isEqualTo(200);
		assertThat(noReason.body()).contains("data-testid=\"error-summary\"").contains("id=\"reason-error\"").contains("请写明提出异议的理由");

		HttpResponse<String> badAccount = resident.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/confirm", "bankAccount",
				"12ab");
		assertThat(badAccount.body()).contains("id=\"bankAccount-error\"");
		HttpResponse<String> confirmed = resident.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/confirm", "bankAccount",
				"6222 0212 3456 7890 123");
		assertThat(confirmed.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select status from proactive_payment_order where decision_id = ?").param(decisionId).query(String.class).list(),
					statuses -> statuses.equals(List.of("HANDED_OVER")));
		assertThat(jdbc.sql("select disbursement from proactive_payment_order where decision_id = ?").param(decisionId).query(String.class).single())
			.isEqualTo("demo");
		assertThat(jdbc.sql("select bank_account from proactive_payment_order where decision_id = ?").param(decisionId).query(String.class).single())
			.as("encrypted at rest").doesNotContain("6222");
		assertThat(resident.get("/account/benefits/" + decisionId).body()).contains("**** **** **** 0123").doesNotContain("6222021234567890123");

		assertThat(resident.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/contest", "reason", "我已满八十周岁多年，档次不对")
			.statusCode()).isEqualTo(302);
		People.Staff approver = newStaff("XH-MZ", Role.APPROVER, "测试民政");
		FormSession staff = FormSession.staff(url(""), approver);
		String list = staff.get("/workbench/benefits/contests").body();
		UUID contestId = jdbc.sql("select id from proactive_benefit_contest where decision_id = ?").param(decisionId).query(UUID.class).single();
		assertThat(list).contains("/workbench/benefits/contests/" + contestId);
		FormSession outsider = FormSession.staff(url(""), newStaff("XH-SCJG", Role.APPROVER, "测试市监"));
		assertThat(outsider.get("/workbench/benefits/contests/" + contestId).statusCode()).isEqualTo(404);
		assertThat(staff.get("/workbench/benefits/contests/" + contestId).body()).contains("档次不对");
		assertThat(staff.post("/workbench/benefits/contests/" + contestId, "outcome", "UPHELD", "answer", "经核实，按 90 周岁档次更正。", "correctedAmount", "300")
			.statusCode()).isEqualTo(302);
		assertThat(decisions.ofPayee(decisionId, index).amount()).isEqualByComparingTo(new BigDecimal("300"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select amount from proactive_payment_order where decision_id = ? and status = 'HANDED_OVER' order by created_at")
				.param(decisionId)
				.query(BigDecimal.class)
				.list()
				.stream()
				.map(BigDecimal::intValue)
				.toList(), amounts -> amounts.equals(List.of(100, 200)));
		assertThat(messages(eighty.id(), "BENEFIT_CONTEST_ANSWERED")).isEqualTo(1);
		assertThat(resident.get("/account/benefits/" + decisionId).body()).contains("按 90 周岁档次更正").contains("异议成立");

		BatchRun nextMonth = batch.run(policy, "测试", today.plusMonths(1));
		assertThat(nextMonth.granted()).as("next month the one who was a day short is 80 too").isEqualTo(2);
		assertThat(decisions.of(keys.blindIndex(seventyNine.idNumber()))).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DecisionStatus.OFFERED));
		var later = decisions.of(index).stream().filter(d -> !d.id().equals(decisionId)).toList();
		assertThat(later).as("confirmed once, granted every month after to the same account").singleElement()
			.satisfies(d -> assertThat(d.status()).isEqualTo(DecisionStatus.GRANTED));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from proactive_payment_order where decision_id = ? and status = 'HANDED_OVER'")
				.param(later.getFirst().id())
				.query(Long.class)
				.single(), count -> count == 1);
		assertThat(messages(eighty.id(), "BENEFIT_GRANTED")).isEqualTo(1);
		assertThat(messages(eighty.id(), "BENEFIT_OFFERED")).isEqualTo(1);
	}

	private long messages(UUID accountId, String event) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and event = ?").params(accountId, event).query(Long.class).single();
	}
}
