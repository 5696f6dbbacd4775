package tongban.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.ExchangeClients;
import tongban.exchange.Resource;
import tongban.exchange.Resource.Field;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.IdentityManagement;
import tongban.identity.IdentityManagement.RegisteredPerson;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.IdNumber;
import tongban.shared.Uscc;

/**
 * The demo resource catalogue (data/exchange/resources.json: population, marriage, social insurance, business and
 * real-estate registers of the demo district's departments) with synthetic records that agree with the demo people and
 * company: the population register's residents (the identity module's synthetic register is the same people), 王小明 and
 * 李娜 married to each other (as on her 结婚证), 陈建国 the company's legal representative. One deliberate disagreement (王小明's
 * real-estate address is not his household address) gives data quality something to find. Demo grants: 医保 reads the
 * population register for 城乡居民医保参保登记, the service centre reads names and birth dates, 人社 has asked for marriage
 * records; the demo system {@code yb-system-demo} reads for 医保.
 */
@Component
@Order(40)
class ExchangeDemoData implements ApplicationRunner {

	static final String WANG = withCheck("33010619900101001");
	static final String CHEN = withCheck("33010619780515003");
	static final String LI = withCheck("33010619920808002");
	static final String COMPANY_USCC = "91330106MA2CD7E8X" + Uscc.checkCharacter("91330106MA2CD7E8X");

	private static final String[] STREETS = { "文三路", "文二路", "天目山路", "学院路", "古墩路", "莫干山路", "教工路", "西溪路", "转塘街道象山", "留下街道屏峰" };

	private final DemoData demo;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final ExchangeClients clients;
	private final JsonMapper json;
	private final IdentityManagement identity;

	ExchangeDemoData(DemoData demo, ResourceCatalogue catalogue, SharingGrants grants, ExchangeClients clients, JsonMapper json,
			IdentityManagement identity) {
		this.demo = demo;
		this.catalogue = catalogue;
		this.grants = grants;
		this.clients = clients;
		this.json = json;
		this.identity = identity;
	}

	private static String withCheck(String first17) {
		return first17 + IdNumber.checkCharacter(first17);
	}

	record ResourceEntry(String code, String name, String provider, String subjectKind, String sharingClass, String updateFrequency, String legalBasis,
			String providingSystem, List<Field> fields) {
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("exchange", this::load);
	}

	private void load() {
		try (InputStream in = getClass().getResourceAsStream("/data/exchange/resources.json")) {
			for (ResourceEntry e : json.readValue(in, new TypeReference<List<ResourceEntry>>() {
			})) {
				var problems = catalogue.saveResource(new Resource(e.code(), e.name(), e.provider(), e.subjectKind(), e.sharingClass(), e.updateFrequency(),
						e.legalBasis(), e.providingSystem(), e.fields()), "演示数据");
				if (!problems.isEmpty()) {
					throw new IllegalStateException("demo resource " + e.code() + ": " + problems);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int n = 0;
		for (RegisteredPerson person : identity.populationRegister()) {
			catalogue.putRecord("XH-GA-RK", person.idNumber(), population(person.idNumber(), person.name(), address(n++)));
		}
		catalogue.putRecord("XH-MZ-HY", WANG, Map.of("name", "王小明", "maritalStatus", "已婚", "spouseName", "李娜", "registeredOn", "2019-05-20"));
		catalogue.putRecord("XH-MZ-HY", LI, Map.of("name", "李娜", "maritalStatus", "已婚", "spouseName", "王小明", "registeredOn", "2019-05-20"));
		catalogue.putRecord("XH-MZ-HY", CHEN, Map.of("name", "陈建国", "maritalStatus", "已婚", "spouseName", "周雅琴", "registeredOn", "2004-10-01"));
		catalogue.putRecord("XH-RLSB-SB", WANG, Map.of("name", "王小明", "insuranceType", "职工基本养老保险", "status", "正常参保", "since", "2013-07-01",
				"employer", "杭州西湖示范餐饮有限公司"));
		catalogue.putRecord("XH-RLSB-SB", LI, Map.of("name", "李娜", "insuranceType", "职工基本养老保险", "status", "暂停缴费", "since", "2015-03-01",
				"employer", "杭州西湖示范餐饮有限公司"));
		catalogue.putRecord("XH-GHZY-BDC", WANG, Map.of("name", "王小明", "certificateNumber", "浙(2020)杭州市不动产权第0123456号", "address",
				"浙江省杭州市西湖区古墩路 88 号 3 幢 1201 室", "area", "89.50", "use", "住宅"));
		catalogue.putRecord("XH-SCJG-ZT", COMPANY_USCC, Map.of("uscc", COMPANY_USCC, "name", "杭州西湖示范餐饮有限公司", "legalRepresentative", "陈建国",
				"address", "浙江省杭州市西湖区文三路 90 号", "status", "存续", "establishedOn", "2018-06-18"));

		LocalDate until = LocalDate.now(Clocks.ZONE).plusYears(1);
		grants.requestApproved("XH-YB", "XH-GA-RK", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"),
				"城乡居民基本医疗保险参保登记核验身份和户籍", "《中华人民共和国社会保险法》第二十三条；《政务信息资源共享管理暂行办法》", until, "演示数据");
		grants.requestApproved("XH-ZWFW", "XH-GA-RK", List.of("name", "gender", "birthDate"), "一窗受理核验申请人基本信息",
				"《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）", until, "演示数据");
		grants.requestGrant("XH-RLSB", "XH-MZ-HY", List.of("name", "maritalStatus"), "遗属待遇申领核验婚姻关系", "《中华人民共和国社会保险法》第十七条", until,
				"演示数据");
		grants.requestGrant("XH-YB", "XH-SCJG-ZT", List.of("uscc", "name", "status"), "单位参保登记核验主体资格", "《中华人民共和国社会保险法》第五十七条", until,
				"演示数据");
		clients.bindClient("yb-system-demo", "XH-YB", 1000);
	}

	private static String address(int n) {
		return "浙江省杭州市西湖区" + STREETS[n % STREETS.length] + " " + (n % 200 + 1) + " 号";
	}

	static Map<String, String> population(String id, String name, String address) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("idNumber", id);
		m.put("gender", (id.charAt(16) - '0') % 2 == 1 ? "男" : "女");
		m.put("birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
		m.put("ethnicity", "汉族");
		m.put("householdAddress", address);
		return m;
	}
}
