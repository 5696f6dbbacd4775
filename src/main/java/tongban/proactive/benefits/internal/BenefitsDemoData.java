package tongban.proactive.benefits.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.exchange.Resource;
import tongban.exchange.Resource.Field;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.openness.PublishedPolicies;
import tongban.proactive.benefits.BankAccounts;
import tongban.proactive.benefits.BenefitBatch;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.PolicyDraft;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DemoData;
import tongban.shared.Uscc;

/**
 * The demo 免申即享 policies and what they read: 高龄津贴 (区民政局, residents of 西湖区 aged 80 and over, monthly by age
 * band, confirmed with one click), 一次性稳岗补贴 (区人力社保局, companies of the new register XH-RLSB-DW 单位参保信息 with no
 * layoffs and no arrears, per insured person, granted directly) and 新生儿参保补贴 (区医保分局, births of the last 90 days in
 * XH-WJ-CS, paid to the mother, granted directly); the grants each reading department needs; the demo company's unit
 * record and account; the birth to 李娜 and 王小明 is the life-events demo's, loaded before. Each policy's batch runs once, so
 * the workbench has runs, decisions and payment orders to show. Amounts are the demo district's, marked as such on the policy (see docs/proactive.md).
 */
@Component
@Order(95)
class BenefitsDemoData implements ApplicationRunner {

	static final String UNIT_REGISTER = "XH-RLSB-DW";

	private final DemoData demo;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final BenefitPolicies policies;
	private final BenefitBatch batch;
	private final BankAccounts accounts;
	private final PublishedPolicies published;
	private final DataKeys keys;

	BenefitsDemoData(DemoData demo, ResourceCatalogue catalogue, SharingGrants grants, BenefitPolicies policies, BenefitBatch batch,
			BankAccounts accounts, PublishedPolicies published, DataKeys keys) {
		this.demo = demo;
		this.catalogue = catalogue;
		this.grants = grants;
		this.policies = policies;
		this.batch = batch;
		this.accounts = accounts;
		this.published = published;
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("proactive-benefits", this::load);
	}

	private void load() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		var problems = catalogue.saveResource(new Resource(UNIT_REGISTER, "单位参保信息", "XH-RLSB", "COMPANY", "CONDITIONAL", "每月",
				"《中华人民共和国社会保险法》第五十七条、《失业保险条例》", "社会保险信息系统",
				List.of(new Field("uscc", "统一社会信用代码", "uscc", "PUBLIC"), new Field("name", "单位名称", "string", "PUBLIC"),
						new Field("insuredCount", "参保职工人数", "number", "INTERNAL"), new Field("layoffsLast12Months", "近12个月裁员人数", "number", "INTERNAL"),
						new Field("arrears", "是否欠缴社会保险费", "string", "INTERNAL"))),
				"演示数据");
		if (!problems.isEmpty()) {
			throw new IllegalStateException("unit register: " + problems);
		}
		String company = "91330106MA2CD7E8X" + Uscc.checkCharacter("91330106MA2CD7E8X");
		catalogue.putRecord(UNIT_REGISTER, company,
				Map.of("uscc", company, "name", "杭州西湖示范餐饮有限公司", "insuredCount", "12", "layoffsLast12Months", "0", "arrears", "否"));
		String other = "91330106MA2CD9K1Q" + Uscc.checkCharacter("91330106MA2CD9K1Q");
		catalogue.putRecord(UNIT_REGISTER, other, Map.of("uscc", other, "name", "杭州西湖示范贸易有限公司", "insuredCount", "30", "layoffsLast12Months", "4", "arrears", "否"));
		accounts.keep(keys.blindIndex(company), "6222021202004567890");

		LocalDate until = today.plusYears(1);
		grant("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "高龄津贴“免申即享”比对户籍和年龄",
				"《中华人民共和国老年人权益保障法》第三十三条", until);
		grant(BenefitBatch.PLATFORM, UNIT_REGISTER, List.of("uscc", "name", "insuredCount", "layoffsLast12Months", "arrears"),
				"一次性稳岗补贴“免申即享”比对参保和裁员情况", "《失业保险条例》第十七条", until);
		grant("XH-YB", "XH-WJ-CS", List.of("certificateNumber", "birthDate", "motherName", "motherIdNumber"), "新生儿参保补贴“免申即享”比对出生信息",
				"《中华人民共和国社会保险法》第二十五条", until);

		save("GLJT", "高龄津贴", "XH-MZ", "PERSON", "XH-GA-RK",
				List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "80"),
						new Condition("XH-GA-RK", "householdAddress", Operator.STARTS_WITH, "浙江省杭州市西湖区")),
				"AGE_BANDS", "birthDate", null, "80:100；90:300；100:600", "CONFIRM", "MONTHLY", "idNumber", "name",
				"《中华人民共和国老年人权益保障法》第三十三条；《杭州市西湖区高龄津贴“免申即享”管理办法》（西民〔2024〕2号，演示文件）。津贴标准为演示标准。",
				"杭州市西湖区高龄津贴“免申即享”管理办法");
		save("YCXWGBT", "一次性稳岗补贴", "XH-RLSB", "COMPANY", UNIT_REGISTER,
				List.of(new Condition(UNIT_REGISTER, "layoffsLast12Months", Operator.AT_MOST, "0"), new Condition(UNIT_REGISTER, "arrears", Operator.EQUALS, "否")),
				"PER_UNIT", "insuredCount", "500", null, "DIRECT", "ONE_OFF", "uscc", "name",
				"《失业保险条例》第十七条；参照人力资源社会保障部、财政部、国家税务总局延续实施失业保险援企稳岗政策的通知（人社部发〔2023〕19号）。每名参保职工 500 元为演示标准。",
				null);
		save("XSECBBT", "新生儿参保补贴", "XH-YB", "PERSON", "XH-WJ-CS", List.of(new Condition("XH-WJ-CS", "birthDate", Operator.SINCE_WITHIN_DAYS, "90")),
				"FIXED", null, "300", null, "DIRECT", "ONE_OFF", "motherIdNumber", "motherName",
				"《中华人民共和国社会保险法》第二十五条；《关于做好2026年度城乡居民基本医疗保险参保缴费工作的通知》（西医保〔2025〕3号，演示文件）。补贴金额为演示标准。",
				"关于做好2026年度城乡居民基本医疗保险参保缴费工作的通知");
		for (String code : List.of("GLJT", "YCXWGBT", "XSECBBT")) {
			batch.run(policies.byCode(code).orElseThrow(), "演示数据", today);
		}
	}

	private void grant(String consumer, String resource, List<String> fields, String purpose, String legalBasis, LocalDate until) {
		grants.requestApproved(consumer, resource, fields, purpose, legalBasis, until, "演示数据");
	}

	private void save(String code, String name, String department, String subjectKind, String resource, List<Condition> conditions, String amountKind,
			String amountField, String amount, String bands, String mode, String period, String payeeField, String payeeNameField, String legalBasis,
			String documentTitle) {
		// 稳岗补贴 has no document of its own among the demo publications: it links the policy list, not a wrong document
		String url = documentTitle == null ? "/policies" : published.byTitle(documentTitle).map(id -> "/policies/" + id).orElse("/policies");
		var problems = policies.save(new PolicyDraft(null, code, name, subjectKind, resource, conditions, amountKind, amountField, amount, bands, mode, period,
				payeeField, payeeNameField, legalBasis, url), department, "演示数据");
		if (!problems.isEmpty()) {
			throw new IllegalStateException("demo policy " + code + ": " + problems);
		}
	}
}
