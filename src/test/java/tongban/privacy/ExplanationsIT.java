package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.feedback.CaseRatings;
import tongban.proactive.benefits.BatchRun;
import tongban.proactive.benefits.BenefitBatch;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.BenefitPolicy;
import tongban.proactive.benefits.PolicyDraft;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * 自动化决策的说明 (个人信息保护法 Art. 24): a 免申即享 decision made by a batch and a default rating given by the
 * platform each appear on the person's explanations page with "这个结果是怎么得出的", the rule and the data it used;
 * another person sees neither, and the centre links the page.
 */
class ExplanationsIT extends IntegrationTest {

	/** Long past and before any other test's invitations, so the default pass here rates only this test's case. */
	private static final Instant AS_OF = LocalDate.of(1999, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC);

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Autowired
	BenefitPolicies policies;

	@Autowired
	BenefitBatch batch;

	@Autowired
	CaseRatings caseRatings;

	@Test
	void aBenefitDecisionAndADefaultRatingAreExplainedWithTheirRuleAndData() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		String prefix = "浙江省杭州市西湖区说明街道" + nonce;
		var grant = (Grant) grants.requestGrant("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "说明测试", "测试依据",
				today.plusDays(2), "测试");
		grants.decide(grant.id(), "XH-GA", true, null, "测试");
		Citizen elder = newCitizen("解释老人", 2);
		Citizen other = newCitizen("无决定人", 2);
		LocalDate born = today.minusYears(80);
		Map<String, String> resident = new LinkedHashMap<>();
		resident.put("name", elder.name());
		resident.put("idNumber", elder.idNumber());
		resident.put("gender", "女");
		resident.put("birthDate", born.toString());
		resident.put("ethnicity", "汉族");
		resident.put("householdAddress", prefix + " 1 号");
		catalogue.putRecord("XH-GA-RK", elder.idNumber(), resident);
		String code = "T-EXPL-" + nonce;
		assertThat(policies.save(new PolicyDraft(null, code, "高龄津贴（说明" + code + "）", "PERSON", "XH-GA-RK",
				List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "80"),
						new Condition("XH-GA-RK", "householdAddress", Operator.STARTS_WITH, prefix)),
				"AGE_BANDS", "birthDate", null, "80:100；90:300；100:600", "CONFIRM", "MONTHLY", "idNumber", "name", "《中华人民共和国老年人权益保障法》第三十三条",
				"/policies"), "XH-MZ", "测试")).isEmpty();
		BenefitPolicy policy = policies.byCode(code).orElseThrow();
		BatchRun run = batch.run(policy, "测试", today);
		assertThat(run.granted()).isEqualTo(1);

		UUID caseId = UUID.randomUUID();
		String caseNumber = "EXPL" + nonce;
		jdbc.sql("""
				insert into feedback_invitation (case_id, case_number, item_name, department_code, region_code, party_id, applicant_account_id,
				  concluded_at, default_after) values (?, ?, '社会保障卡申领（说明测试）', 'XH-RLSB', '330106', ?, ?, ?, ?)""")
			.params(caseId, caseNumber, elder.id(), elder.id(), AS_OF.minusSeconds(16 * 86400L).atOffset(ZoneOffset.UTC),
					AS_OF.minusSeconds(3600).atOffset(ZoneOffset.UTC))
			.update();
		assertThat(caseRatings.applyDefaults(AS_OF, 1)).isEqualTo(1);

		FormSession browser = new FormSession(url(""));
		browser.signIn(elder.idNumber(), PASSWORD);
		assertThat(browser.get("/account/privacy").body()).contains("href=\"/account/privacy/explanations\"");
		String page = browser.get("/account/privacy/explanations").body();
		assertThat(page).contains(policy.name()).contains("这个结果是怎么得出的")
			.contains("出生日期 " + born + "：年满 80（成立）")
			.contains("《中华人民共和国老年人权益保障法》第三十三条")
			.contains("data-testid=\"explanation-benefit-0\"").doesNotContain("explanation-benefit-1");
		assertThat(page).contains("data-testid=\"explanation-rating-0\"").contains(caseNumber).contains("默认评价“满意”")
			.contains("1999-02-").contains("平台给出默认评价的时间");

		FormSession someoneElse = new FormSession(url(""));
		someoneElse.signIn(other.idNumber(), PASSWORD);
		String theirs = someoneElse.get("/account/privacy/explanations").body();
		assertThat(theirs).contains("explanations-no-benefits").contains("explanations-no-ratings").doesNotContain(caseNumber)
			.doesNotContain(policy.name());
	}
}
