package tongban.proactive.enterprise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.proactive.enterprise.EnterprisePolicies;
import tongban.proactive.enterprise.EnterprisePolicy;
import tongban.proactive.enterprise.PolicyDraft;
import tongban.proactive.enterprise.PolicyMatching;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.Uscc;

/**
 * 惠企政策直达 demo: the service centre's grant to read the business register for matching; the demo company's record
 * with industry, size and region (杭州西湖示范餐饮有限公司: 正餐服务, 小型, 28 people, 西溪街道) and 30 synthetic companies of
 * 西湖区 (varied industries, sizes and townships; sizes by the employee thresholds of 《统计上大中小微型企业划分办法（2017）》);
 * and six real policies with their real document numbers, tagged so that the demo company matches four of them: not
 * 研发费用加计扣除 (information technology only) and not the 2024 稳岗返还, which has expired.
 */
@Component
@Order(45)
class EnterpriseDemoData implements ApplicationRunner {

	static final String COMPANY_USCC = "91330106MA2CD7E8X" + Uscc.checkCharacter("91330106MA2CD7E8X");
	private static final List<String> TOWNSHIPS = List.of("330106002", "330106004", "330106005", "330106007", "330106008", "330106009", "330106010",
			"330106011", "330106012", "330106013", "330106109", "330106110");
	/** GB/T 4754-2017 classes (section letter + class code) of the synthetic companies, with the kind of name each gets. */
	private static final String[][] INDUSTRIES = { { "H6210", "正餐服务", "餐饮" }, { "H6220", "快餐服务", "餐饮" }, { "H6242", "咖啡馆服务", "咖啡" },
			{ "I6513", "应用软件开发", "软件" }, { "I6531", "信息系统集成服务", "信息技术" }, { "I6450", "互联网数据服务", "数据科技" },
			{ "C3911", "计算机整机制造", "电子" }, { "C2110", "木质家具制造", "家具" }, { "F5211", "百货零售", "商贸" }, { "M7320", "工程和技术研究和试验发展", "工程技术" } };
	private static final String[] PLACES = { "云栖", "西溪", "之江", "钱塘", "文鼎", "紫金", "丰潭", "翠苑", "古荡", "蒋村", "三墩", "留下", "灵隐", "转塘", "双浦" };
	private static final TypeReference<List<Resource.Field>> FIELDS = new TypeReference<>() {
	};
	private static final int[] EMPLOYEES = { 6, 18, 45, 120, 260, 9, 35, 80, 350, 1200, 15, 4, 150, 22, 60 };

	private final DemoData demo;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final EnterprisePolicies policies;
	private final JsonMapper json;

	EnterpriseDemoData(DemoData demo, ResourceCatalogue catalogue, SharingGrants grants, EnterprisePolicies policies, JsonMapper json) {
		this.json = json;
		this.demo = demo;
		this.catalogue = catalogue;
		this.grants = grants;
		this.policies = policies;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("proactive-enterprise", this::load);
	}

	private void load() {
		registerFields();
		grants.requestApproved(PolicyMatching.READER.departmentCode(), EnterprisePolicy.REGISTER, EnterprisePolicies.FIELDS,
				"惠企政策直达：按行业、规模和区域匹配惠企政策", "《优化营商环境条例》第十五条、第六十二条；《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）",
				LocalDate.now(Clocks.ZONE).plusYears(1), "演示数据");
		Map<String, String> company = new LinkedHashMap<>();
		company.put("uscc", COMPANY_USCC);
		company.put("name", "杭州西湖示范餐饮有限公司");
		company.put("legalRepresentative", "陈建国");
		company.put("address", "浙江省杭州市西湖区文三路 90 号");
		company.put("status", "存续");
		company.put("establishedOn", "2018-06-18");
		company.put("industry", "H 住宿和餐饮业");
		company.put("townshipCode", "330106004");
		company.put("industryCode", "H6210");
		company.put("industryName", "正餐服务");
		company.put("scale", "小型");
		company.put("employees", "28");
		company.put("regionCode", "330106004");
		catalogue.putRecord(EnterprisePolicy.REGISTER, COMPANY_USCC, company);
		for (int n = 0; n < 30; n++) {
			putCompany(n);
		}
		demoPolicies().forEach((department, drafts) -> drafts.forEach(draft -> {
			var saved = policies.save(demoStaff(department), null, draft);
			if (!saved.ok()) {
				throw new IllegalStateException("demo policy " + draft.title() + ": " + saved.problems());
			}
		}));
	}

	/**
	 * A database whose demo catalogue was loaded before the business register gained the fields policies match on gets
	 * them now, from the same catalogue file (a fresh one already has them).
	 */
	private void registerFields() {
		Resource register = catalogue.resource(EnterprisePolicy.REGISTER).orElseThrow();
		if (register.fieldNames().containsAll(EnterprisePolicies.FIELDS)) {
			return;
		}
		try (InputStream in = getClass().getResourceAsStream("/data/exchange/resources.json")) {
			for (JsonNode entry : json.readTree(in)) {
				if (EnterprisePolicy.REGISTER.equals(entry.get("code").asString())) {
					List<Resource.Field> fields = json.treeToValue(entry.get("fields"), FIELDS);
					var problems = catalogue.saveResource(new Resource(register.code(), register.name(), register.providerDepartmentCode(),
							register.subjectKind(), register.sharingClass(), register.updateFrequency(), register.legalBasis(), register.providingSystem(),
							fields), "演示数据");
					if (!problems.isEmpty()) {
						throw new IllegalStateException("business register fields: " + problems);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void putCompany(int n) {
		String[] industry = INDUSTRIES[n % INDUSTRIES.length];
		int employees = EMPLOYEES[n % EMPLOYEES.length];
		String first17 = "91330106MA2H" + String.format("%04d", 3100 + n) + "Q";
		String uscc = first17 + Uscc.checkCharacter(first17);
		String township = TOWNSHIPS.get((n * 5) % TOWNSHIPS.size());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("uscc", uscc);
		values.put("name", "杭州" + PLACES[n % PLACES.length] + industry[2] + (n < 15 ? "有限公司" : "股份有限公司"));
		values.put("status", n % 13 == 12 ? "注销" : "存续");
		values.put("establishedOn", LocalDate.of(2008 + n % 17, 1 + n % 12, 1 + n % 28).toString());
		values.put("industry", industry[0].charAt(0) + " " + section(industry[0]));
		values.put("townshipCode", township);
		values.put("industryCode", industry[0]);
		values.put("industryName", industry[1]);
		values.put("scale", scale(industry[0], employees));
		values.put("employees", Integer.toString(employees));
		values.put("regionCode", township);
		catalogue.putRecord(EnterprisePolicy.REGISTER, uscc, values);
	}

	private static String section(String code) {
		return switch (code.charAt(0)) {
			case 'H' -> "住宿和餐饮业";
			case 'I' -> "信息传输、软件和信息技术服务业";
			case 'C' -> "制造业";
			case 'F' -> "批发和零售业";
			default -> "科学研究和技术服务业";
		};
	}

	/**
	 * The size by employees under 《统计上大中小微型企业划分办法（2017）》 (which also weighs revenue; the register keeps
	 * employees only): manufacturing 大型 1000+, 中型 300+, 小型 20+; retail 300+, 50+, 10+; the rest here 300+, 100+, 10+.
	 */
	static String scale(String industryCode, int employees) {
		int[] bounds = switch (industryCode.charAt(0)) {
			case 'C' -> new int[] { 1000, 300, 20 };
			case 'F' -> new int[] { 300, 50, 10 };
			default -> new int[] { 300, 100, 10 };
		};
		return employees >= bounds[0] ? "大型" : employees >= bounds[1] ? "中型" : employees >= bounds[2] ? "小型" : "微型";
	}

	private static StaffMember demoStaff(String department) {
		return new StaffMember(UUID.nameUUIDFromBytes(("demo-" + department).getBytes()), "演示数据", department, null, Set.of(Role.DEPT_ADMIN), false);
	}

	private static Condition condition(String field, Operator operator, String value) {
		return new Condition(EnterprisePolicy.REGISTER, field, operator, value);
	}

	/** Six real policies, by the department that pushes them. */
	private static Map<String, List<PolicyDraft>> demoPolicies() {
		Condition xihu = condition("regionCode", Operator.STARTS_WITH, "330106");
		Condition small = condition("scale", Operator.ONE_OF, "小型、微型");
		Map<String, List<PolicyDraft>> all = new LinkedHashMap<>();
		all.put("XH-SW", List.of(
				new PolicyDraft("小型微利企业“六税两费”减半征收",
						"《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》第二条：自2023年1月1日至2027年12月31日，对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税（不含水资源税）、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。",
						"资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加减半征收", List.of(small, xihu),
						"2023-01-01", "2027-12-31", null, "财政部 税务总局公告2023年第12号", null),
				new PolicyDraft("小型微利企业所得税优惠",
						"《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》第三条：对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税政策，延续执行至2027年12月31日。小型微利企业是指从事国家非限制和禁止行业，且同时符合年度应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元三个条件的企业。",
						"减按25%计算应纳税所得额，按20%的税率缴纳企业所得税（实际税负5%），申报时直接享受", List.of(condition("employees", Operator.AT_MOST, "300"), xihu),
						"2023-01-01", "2027-12-31", null, "财政部 税务总局公告2023年第12号", null),
				new PolicyDraft("增值税小规模纳税人减免增值税",
						"《财政部 税务总局关于增值税小规模纳税人减免增值税政策的公告》：对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税；增值税小规模纳税人适用3%征收率的应税销售收入，减按1%征收率征收增值税；适用3%预征率的预缴增值税项目，减按1%预征率预缴增值税。执行至2027年12月31日。",
						"月销售额10万元以下免征增值税；适用3%征收率的减按1%征收", List.of(small, xihu), "2023-01-01", "2027-12-31", null,
						"财政部 税务总局公告2023年第19号", null),
				new PolicyDraft("研发费用税前加计扣除",
						"《财政部 税务总局关于进一步完善研发费用税前加计扣除政策的公告》：企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，自2023年1月1日起，再按照实际发生额的100%在税前加计扣除；形成无形资产的，自2023年1月1日起，按照无形资产成本的200%在税前摊销。烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业不适用。本区先向信息技术企业推送。",
						"研发费用按实际发生额的100%在税前加计扣除，形成无形资产的按成本的200%摊销", List.of(condition("industryCode", Operator.STARTS_WITH, "I"), xihu),
						"2023-01-01", null, null, "财政部 税务总局公告2023年第7号", null)));
		all.put("XH-RLSB", List.of(new PolicyDraft("失业保险稳岗返还（2024年度）",
				"《人力资源社会保障部 财政部 国家税务总局关于延续实施失业保险援企稳岗政策的通知》：参保企业足额缴纳失业保险费12个月以上，上年度未裁员或裁员率不高于上年度全国城镇调查失业率控制目标，30人（含）以下的参保企业裁员率不高于参保职工总数20%的，可以申请失业保险稳岗返还。政策执行期限至2024年12月31日。",
				"大型企业按不超过企业及其职工上年度实际缴纳失业保险费的30%返还，中小微企业按不超过60%返还", List.of(condition("employees", Operator.AT_LEAST, "1"), xihu),
				"2024-01-01", "2024-12-31", null, "人社部发〔2024〕40号", null)));
		all.put("XH-SCJG", List.of(new PolicyDraft("促进餐饮业高质量发展",
				"商务部等9部门《关于促进餐饮业高质量发展的指导意见》从提升餐饮服务品质、创新餐饮消费场景、增强餐饮业发展动能、弘扬优秀餐饮文化、促进绿色发展、优化餐饮业营商环境等方面提出22项措施，包括按规定统筹使用职业技能培训有关资金等支持餐饮从业人员培训，发展社区餐饮和老年助餐服务。",
				"餐饮从业人员技能培训支持；社区餐饮、老年助餐等新场景支持；经营项目或场所变化时可在线办理食品经营许可变更",
				List.of(condition("industryCode", Operator.STARTS_WITH, "H62"), xihu), "2024-03-14", null, "330106-XK-0001-02", "商服贸发〔2024〕46号",
				"https://www.gov.cn/zhengce/202403/content_6942052.htm")));
		return all;
	}
}
