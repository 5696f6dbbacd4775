package tongban.proactive.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.ResourceCatalogue;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.Uscc;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * Benefits granted directly (the demo 一次性稳岗补贴 and 新生儿参保补贴 policies): a company with no layoffs and its
 * account on file gets a payment order handed over at once, one with layoffs gets nothing; a newborn's mother is told
 * and names her account; policies are kept by department admins only, and a condition on an unknown field is refused
 * on the page, naming it; "run now" is recorded with who ran it.
 */
class DirectBenefitsIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	BenefitPolicies policies;

	@Autowired
	BenefitBatch batch;

	@Autowired
	BenefitDecisions decisions;

	@Autowired
	BankAccounts accounts;

	private static String uscc() {
		String first17 = "91330106MA" + Long.toString(System.nanoTime() % 10_000_000L + 10_000_000L).substring(1);
		first17 = first17.substring(0, 17);
		return first17 + Uscc.checkCharacter(first17);
	}

	@Test
	void aCompanyWithoutLayoffsIsPaidDirectly_oneWithLayoffsGetsNothing() {
		String kept = uscc();
		String laidOff = uscc();
		catalogue.putRecord("XH-RLSB-DW", kept, Map.of("uscc", kept, "name", "测试稳岗有限公司", "insuredCount", "7", "layoffsLast12Months", "0", "arrears", "否"));
		catalogue.putRecord("XH-RLSB-DW", laidOff, Map.of("uscc", laidOff, "name", "测试裁员有限公司", "insuredCount", "9", "layoffsLast12Months", "2", "arrears", "否"));
		accounts.keep(keys.blindIndex(kept), "33050161000000001234");
		batch.run(policies.byCode("YCXWGBT").orElseThrow(), "测试", LocalDate.now(Clocks.ZONE));

		var granted = decisions.of(keys.blindIndex(kept));
		assertThat(granted).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo(DecisionStatus.GRANTED);
			assertThat(d.amount()).isEqualByComparingTo(new BigDecimal("3500"));
		});
		assertThat(decisions.of(keys.blindIndex(laidOff))).isEmpty();
		UUID decisionId = granted.getFirst().id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select status from proactive_payment_order where decision_id = ?").param(decisionId).query(String.class).list(),
					statuses -> statuses.equals(List.of("HANDED_OVER")));
		assertThat(jdbc.sql("select count(*) from exchange_access where subject_index = ? and consumer_department_code = 'XH-ZWFW' and purpose = '一次性稳岗补贴'")
			.param(keys.blindIndex(kept))
			.query(Long.class)
			.single()).as("the platform read 人社's own register for it, recorded").isEqualTo(1);
	}

	@Test
	void theCompanysBenefitIsOnTheCompanyAccountOnly() {
		Citizen representative = people.citizen("测试法人", 2);
		String company = uscc();
		catalogue.putRecord("XH-RLSB-DW", company, Map.of("uscc", company, "name", "测试法人有限公司", "insuredCount", "3", "layoffsLast12Months", "0", "arrears", "否"));
		FormSession session = new FormSession(url(""));
		session.signIn(representative.idNumber(), PASSWORD);
		assertThat(session.postFrom("/business/new", "/business", "name", "测试法人有限公司", "uscc", company).statusCode()).isEqualTo(302);
		batch.run(policies.byCode("YCXWGBT").orElseThrow(), "测试", LocalDate.now(Clocks.ZONE));
		UUID decisionId = decisions.of(keys.blindIndex(company)).getFirst().id();
		assertThat(session.get("/account/benefits/" + decisionId).statusCode()).as("not the person's own").isEqualTo(404);

		UUID party = jdbc.sql("select id from identity_legal_person where uscc = ?").param(company).query(UUID.class).single();
		assertThat(session.postFrom("/account", "/account/acting-as", "partyId", party.toString()).statusCode()).isEqualTo(302);
		assertThat(session.get("/business/benefits").body()).contains("一次性稳岗补贴").contains("/business/benefits/" + decisionId);
		assertThat(session.get("/business/benefits/" + decisionId).body()).contains("1500.00 元").contains("填写收款账户").contains("近12个月裁员人数 0");
	}

	@Test
	void aNewbornsMotherIsToldAndNamesHerAccount() {
		Citizen mother = people.citizen("测试妈妈", 2);
		String certificate = "T" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
		catalogue.putRecord("XH-WJ-CS", certificate, Map.of("certificateNumber", certificate, "childName", "测试宝宝", "gender", "男", "birthDate",
				LocalDate.now(Clocks.ZONE).minusDays(10).toString(), "birthPlace", "测试医院", "motherName", mother.name(), "motherIdNumber", mother.idNumber(),
				"fatherName", "测试爸爸", "fatherIdNumber", ""));
		batch.run(policies.byCode("XSECBBT").orElseThrow(), "测试", LocalDate.now(Clocks.ZONE));
		var granted = decisions.of(keys.blindIndex(mother.idNumber()));
		assertThat(granted).singleElement().satisfies(d -> assertThat(d.amount()).isEqualByComparingTo(new BigDecimal("300")));
		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'BENEFIT_GRANTED'").param(mother.id()).query(Long.class)
			.single()).isEqualTo(1);
		UUID decisionId = granted.getFirst().id();
		FormSession session = new FormSession(url(""));
		session.signIn(mother.idNumber(), PASSWORD);
		assertThat(session.get("/account/benefits/" + decisionId).body()).contains("填写收款账户").contains("出生日期");
		assertThat(session.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/confirm", "bankAccount", "").body())
			.contains("请填写银行卡号");
		assertThat(session.postFrom("/account/benefits/" + decisionId, "/account/benefits/" + decisionId + "/confirm", "bankAccount", "6217001234567890")
			.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from proactive_payment_order where decision_id = ? and status = 'HANDED_OVER'").param(decisionId)
				.query(Long.class).single(), count -> count == 1);
		assertThat(session.get("/account/benefits/" + decisionId).body()).doesNotContain("id=\"bankAccount\"");
	}

	@Test
	void policiesAreKeptByTheDepartmentsAdminsAndRunNowIsRecorded() {
		var admin = newStaff("XH-MZ", Role.DEPT_ADMIN, "测试民政管理员");
		var approver = newStaff("XH-MZ", Role.APPROVER, "测试民政经办");
		FormSession approverSession = FormSession.staff(url(""), approver);
		assertThat(approverSession.get("/workbench/benefits/policies").statusCode()).isEqualTo(403);
		assertThat(approverSession.get("/workbench/benefits").statusCode()).isEqualTo(200);

		FormSession session = FormSession.staff(url(""), admin);
		String code = "T-FORM-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		var refused = session.postFrom("/workbench/benefits/policies/new", "/workbench/benefits/policies/new", "code", code, "name", "测试津贴", "subjectKind",
				"PERSON", "resourceCode", "XH-GA-RK", "conditionResource", "XH-GA-RK", "conditionField", "shoeSize", "conditionOperator", "AT_LEAST",
				"conditionValue", "40", "amountKind", "FIXED", "amount", "50", "mode", "CONFIRM", "period", "ONE_OFF", "payeeField", "idNumber",
				"payeeNameField", "name", "legalBasis", "测试依据", "policyUrl", "/policies");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-testid=\"error-summary\"").contains("id=\"conditions-error\"").contains("shoeSize");
		var saved = session.postFrom("/workbench/benefits/policies/new", "/workbench/benefits/policies/new", "code", code, "name", "测试津贴", "subjectKind",
				"PERSON", "resourceCode", "XH-GA-RK", "conditionResource", "XH-GA-RK", "conditionField", "birthDate", "conditionOperator", "AGE_AT_LEAST",
				"conditionValue", "150", "amountKind", "FIXED", "amount", "50", "mode", "CONFIRM", "period", "ONE_OFF", "payeeField", "idNumber",
				"payeeNameField", "name", "legalBasis", "测试依据", "policyUrl", "/policies");
		assertThat(saved.statusCode()).isEqualTo(302);
		BenefitPolicy policy = policies.byCode(code).orElseThrow();
		assertThat(session.postFrom("/workbench/benefits/policies/" + policy.id(), "/workbench/benefits/policies/" + policy.id(), "code", code, "name",
				"测试津贴（修订）", "subjectKind", "PERSON", "resourceCode", "XH-GA-RK", "conditionResource", "XH-GA-RK", "conditionField", "birthDate",
				"conditionOperator", "AGE_AT_LEAST", "conditionValue", "150", "amountKind", "FIXED", "amount", "60", "mode", "CONFIRM", "period", "ONE_OFF",
				"payeeField", "idNumber", "payeeNameField", "name", "legalBasis", "测试依据", "policyUrl", "/policies").statusCode()).isEqualTo(302);
		assertThat(policies.latest(policy.id()).orElseThrow().version()).isEqualTo(2);
		assertThat(policies.version(policy.id(), 1).orElseThrow().name()).as("the old version stays").isEqualTo("测试津贴");

		assertThat(session.postFrom("/workbench/benefits", "/workbench/benefits/policies/" + policy.id() + "/run").statusCode()).isEqualTo(302);
		assertThat(session.get("/workbench/benefits").body()).contains("测试津贴（修订） v2").contains("测试民政管理员");
		assertThat(approverSession.postFrom("/workbench/benefits", "/workbench/benefits/policies/" + policy.id() + "/run").statusCode()).isEqualTo(403);
		FormSession otherAdmin = FormSession.staff(url(""), newStaff("XH-SCJG", Role.DEPT_ADMIN, "测试市监管理员"));
		assertThat(otherAdmin.get("/workbench/benefits/policies/" + policy.id()).statusCode()).isEqualTo(404);
	}
}
