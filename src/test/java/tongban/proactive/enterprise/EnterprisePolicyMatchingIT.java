package tongban.proactive.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.ResourceCatalogue;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Uscc;
import tongban.support.IntegrationTest;

/**
 * 惠企政策直达 end to end below the pages: companies put in the business register are matched to a department's policy
 * by industry, size and region (a closed company, another industry and a large company are not), the company's legal
 * representative and agent are told once, the company account explains why, a change of the register re-matches the
 * company once, an expired policy is no longer shown, another company sees none of it, and a condition on a field the
 * register does not have is refused naming it.
 */
class EnterprisePolicyMatchingIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	EnterprisePolicies policies;

	@Autowired
	PolicyMatching matching;

	@Autowired
	CompanyPolicies companyPolicies;

	@Autowired
	Representation representation;

	String region;
	StaffMember admin;

	@BeforeAll
	void setUp() {
		// a region prefix of this test's own, so the policy matches only the companies this test puts in the register
		region = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		admin = people.signedIn(newStaff("XH-SCJG", Role.DEPT_ADMIN, "惠企管理员"));
	}

	static String uscc() {
		String first17 = "91330106MA" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase().replace('I', 'J').replace('O', 'P')
			.replace('S', 'T').replace('V', 'W').replace('Z', 'Y');
		first17 = (first17 + "00000000").substring(0, 17);
		return first17 + Uscc.checkCharacter(first17);
	}

	Map<String, String> company(String uscc, String name, String industryCode, String scale, int employees, String status) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("uscc", uscc);
		values.put("name", name);
		values.put("status", status);
		values.put("establishedOn", "2019-04-01");
		values.put("industryCode", industryCode);
		values.put("industryName", "测试行业");
		values.put("scale", scale);
		values.put("employees", Integer.toString(employees));
		values.put("regionCode", region + "004");
		return values;
	}

	PolicyDraft draft(String title, String validFrom, String validUntil, List<Condition> conditions) {
		return new PolicyDraft(title, "测试政策简介", "测试政策内容：减半征收", conditions, validFrom, validUntil, null, "测试〔2026〕1号", null);
	}

	List<Condition> restaurantsOfThisTest() {
		return List.of(new Condition(EnterprisePolicy.REGISTER, "industryCode", Operator.STARTS_WITH, "H62"),
				new Condition(EnterprisePolicy.REGISTER, "scale", Operator.ONE_OF, "小型、微型"),
				new Condition(EnterprisePolicy.REGISTER, "regionCode", Operator.STARTS_WITH, region));
	}

	long matches(String code) {
		return jdbc.sql("select count(*) from proactive_enterprise_match m join proactive_enterprise_policy p on p.id = m.policy_id where p.code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	long notices(UUID accountId) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'ENTERPRISE_POLICY_MATCHED'")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	@Test
	void companiesAreMatchedByIndustrySizeAndRegionToldOnceAndShownWhy() {
		Citizen representative = newCitizen("测试法人", 2);
		Citizen agent = newCitizen("测试经办", 2);
		String restaurant = uscc();
		UUID companyId = representation.registerLegalPerson(representative.id(), restaurant, "测试示范餐饮有限公司");
		representation.grantAgent(companyId, representative.id(), agent.name(), agent.idNumber(), "ALL", LocalDate.now(Clocks.ZONE).plusYears(1));
		Party company = new Party(Party.Kind.LEGAL_PERSON, companyId, "测试示范餐饮有限公司");
		String software = uscc();
		String large = uscc();
		String closed = uscc();
		catalogue.putRecord(EnterprisePolicy.REGISTER, restaurant, company(restaurant, "测试示范餐饮有限公司", "H6210", "小型", 28, "存续"));
		catalogue.putRecord(EnterprisePolicy.REGISTER, software, company(software, "测试软件有限公司", "I6513", "小型", 30, "存续"));
		catalogue.putRecord(EnterprisePolicy.REGISTER, large, company(large, "测试大型餐饮有限公司", "H6210", "大型", 800, "存续"));
		catalogue.putRecord(EnterprisePolicy.REGISTER, closed, company(closed, "测试注销餐饮有限公司", "H6220", "微型", 3, "注销"));

		var saved = policies.save(admin, null, draft("测试餐饮小微企业政策", "2023-01-01", "2099-12-31", restaurantsOfThisTest()));
		assertThat(saved.problems()).isEmpty();
		String code = saved.code();

		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> matches(code) == 1 && notices(agent.id()) == 1);
		assertThat(notices(representative.id())).isEqualTo(1);
		assertThat(jdbc.sql("select body from notification_message where account_id = ? and event = 'ENTERPRISE_POLICY_MATCHED'")
			.param(agent.id())
			.query(String.class)
			.single()).contains("测试餐饮小微企业政策", "测试示范餐饮有限公司", "免申即享");
		// the scan read each company's record for this policy, recorded for the company
		assertThat(jdbc.sql("select count(*) from exchange_access where subject_index = ? and purpose = ? and case_number = ?")
			.params(keys.blindIndex(restaurant), PolicyMatching.PURPOSE, code)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);

		var shown = companyPolicies.of(company);
		assertThat(shown).extracting(m -> m.policy().code()).containsExactly(code);
		assertThat(shown.getFirst().reasons()).containsExactly("市场主体登记信息的行业代码 H6210：以…开头 H62（成立）",
				"市场主体登记信息的企业规模 小型：属于 小型、微型（成立）", "市场主体登记信息的所在区域代码 " + region + "004：以…开头 " + region + "（成立）");
		assertThat(shown.getFirst().howToGet()).isEqualTo("免申即享，无需申请");
		assertThat(staffCount(code)).isEqualTo(1);

		// the software company becomes a small restaurant: matched once, however often it is matched again
		catalogue.putRecord(EnterprisePolicy.REGISTER, software, company(software, "测试软件有限公司", "H6220", "微型", 8, "存续"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> matches(code) == 2);
		matching.matchAll();
		matching.matchCompany(keys.blindIndex(software));
		assertThat(matches(code)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from proactive_enterprise_match m join proactive_enterprise_policy p on p.id = m.policy_id "
				+ "where p.code = ? and m.subject_index = ?").params(code, keys.blindIndex(software)).query(Long.class).single()).isEqualTo(1);

		// the restaurant's record changes but still matches: no second notice; it grows large: no longer matched
		catalogue.putRecord(EnterprisePolicy.REGISTER, restaurant, company(restaurant, "测试示范餐饮有限公司", "H6210", "小型", 40, "存续"));
		matching.matchCompany(keys.blindIndex(restaurant));
		assertThat(notices(agent.id())).isEqualTo(1);
		assertThat(companyPolicies.of(company).getFirst().reasons()).hasSize(3);
		catalogue.putRecord(EnterprisePolicy.REGISTER, restaurant, company(restaurant, "测试示范餐饮有限公司", "H6210", "中型", 150, "存续"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> companyPolicies.of(company).isEmpty());
		catalogue.putRecord(EnterprisePolicy.REGISTER, restaurant, company(restaurant, "测试示范餐饮有限公司", "H6210", "小型", 40, "存续"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> companyPolicies.of(company).size() == 1);

		// someone acting for themself, or for another company, sees none of it
		assertThat(catchThrowableOfType(DomainException.class, () -> companyPolicies.of(new Party(Party.Kind.CITIZEN, agent.id(), agent.name())))
			.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
		Citizen other = newCitizen("另一法人", 2);
		String otherUscc = uscc();
		UUID otherId = representation.registerLegalPerson(other.id(), otherUscc, "另一测试有限公司");
		Party otherCompany = new Party(Party.Kind.LEGAL_PERSON, otherId, "另一测试有限公司");
		assertThat(companyPolicies.of(otherCompany)).isEmpty();
		assertThat(catchThrowableOfType(DomainException.class, () -> companyPolicies.one(otherCompany, code)).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(companyPolicies.one(company, code).policy().title()).isEqualTo("测试餐饮小微企业政策");

		// the policy expires: it disappears from the company account
		LocalDate yesterday = LocalDate.now(Clocks.ZONE).minusDays(1);
		assertThat(policies.save(admin, code, draft("测试餐饮小微企业政策", "2023-01-01", yesterday.toString(), restaurantsOfThisTest())).problems())
			.isEmpty();
		assertThat(companyPolicies.of(company)).isEmpty();
		assertThat(catchThrowableOfType(DomainException.class, () -> companyPolicies.one(company, code)).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
	}

	long staffCount(String code) {
		EnterprisePolicy policy = policies.byCode(code).orElseThrow();
		return policies.matchCounts(admin.departmentCode()).get(policy.id());
	}

	@Test
	void aConditionOnAFieldTheRegisterLacksIsRefusedNamingIt() {
		var refused = policies.save(admin, null, draft("未知字段的政策", "2023-01-01", null,
				List.of(new Condition(EnterprisePolicy.REGISTER, "annualRevenue", Operator.AT_MOST, "500"),
						new Condition(EnterprisePolicy.REGISTER, "scale", Operator.ONE_OF, "小型"),
						new Condition(EnterprisePolicy.REGISTER, "address", Operator.STARTS_WITH, "浙江"))));
		assertThat(refused.ok()).isFalse();
		assertThat(refused.problems()).containsEntry("condition0", "资源“市场主体登记信息”中没有字段：annualRevenue").doesNotContainKey("condition1");
		assertThat(refused.problems().get("condition2")).contains("address");
		assertThat(policies.save(admin, null, draft("", "2023-13-01", "2020-01-01", List.of())).problems())
			.containsKeys("title", "validFrom", "conditions");
		assertThat(policies.ofDepartment(admin.departmentCode())).extracting(EnterprisePolicy::title).doesNotContain("未知字段的政策");
	}

	@Test
	void anotherDepartmentsPolicyIsNotFound() {
		var saved = policies.save(admin, null, draft("本部门政策", "2023-01-01", null,
				List.of(new Condition(EnterprisePolicy.REGISTER, "regionCode", Operator.STARTS_WITH, region + "X"))));
		StaffMember otherAdmin = people.signedIn(newStaff("XH-SW", Role.DEPT_ADMIN, "税务管理员"));
		assertThat(catchThrowableOfType(DomainException.class, () -> policies.ofDepartment(otherAdmin.departmentCode(), saved.code())).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(DomainException.class, () -> policies.save(otherAdmin, saved.code(), draft("改别人的", "2023-01-01", null,
				List.of(new Condition(EnterprisePolicy.REGISTER, "scale", Operator.ONE_OF, "小型"))))).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
	}
}
