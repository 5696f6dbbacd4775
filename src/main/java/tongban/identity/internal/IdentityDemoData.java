package tongban.identity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.domain.AgentGrant;
import tongban.identity.domain.AgentGrantRepository;
import tongban.identity.domain.LegalPerson;
import tongban.identity.domain.LegalPersonRepository;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DemoData;
import tongban.shared.IdNumber;
import tongban.shared.Uscc;

/**
 * Demo accounts (listed in README.md), a demo business with an agent, two demo OIDC clients, and a synthetic
 * population register of about 1,000 people with valid ID numbers (names and numbers are made up).
 */
@Component
@Order(20)
class IdentityDemoData implements ApplicationRunner {

	static final String CITIZEN_ID = withCheck("33010619900101001");
	static final String LEGAL_REP_ID = withCheck("33010619780515003");
	static final String AGENT_ID = withCheck("33010619920808002");
	static final String COMPANY_USCC = usccWithCheck("91330106MA2CD7E8X");

	/** username, name, department code, role, TOTP secret (base32). */
	static final List<String[]> STAFF = List.of(
			new String[] { "clerk", "周窗口", "XH-ZWFW", "COUNTER_CLERK", "TONGBANDEMOCLERKAAAAAAAAAAAAAAAA" },
			new String[] { "approver", "吴审批", "XH-SCJG", "APPROVER", "TONGBANDEMOAPPROVERAAAAAAAAAAAAA" },
			new String[] { "approver-wj", "孙卫健", "XH-WJ", "APPROVER", "TONGBANDEMOAPPROVERWJAAAAAAAAAAA" },
			new String[] { "approver-rs", "陈人社", "XH-RLSB", "APPROVER", "TONGBANDEMOAPPROVERRSAAAAAAAAAAA" },
			new String[] { "deptadmin", "郑管理", "XH-SCJG", "DEPT_ADMIN", "TONGBANDEMODEPTADMINAAAAAAAAAAAA" },
			new String[] { "admin", "冯平台", "XH-ZWFW", "PLATFORM_ADMIN", "TONGBANDEMOPLATFORMADMINAAAAAAAA" },
			new String[] { "supervisor", "钱监察", "XH-ZWFW", "SUPERVISOR", "TONGBANDEMOSUPERVISORAAAAAAAAAAA" },
			new String[] { "operator", "林热线", "XH-ZWFW", "HOTLINE_OPERATOR", "TONGBANDEMOOPERATORAAAAAAAAAAAAA" },
			new String[] { "approver-zj", "赵住建", "XH-ZJ", "APPROVER", "TONGBANDEMOAPPROVERZJAAAAAAAAAAA" },
			new String[] { "editor", "何编辑", "XH-SCJG", "INFO_EDITOR", "TONGBANDEMOEDITORAAAAAAAAAAAAAAA" },
			new String[] { "reviewer", "许保密", "XH-SCJG", "INFO_REVIEWER", "TONGBANDEMOREVIEWERAAAAAAAAAAAAA" },
			new String[] { "disclosure", "罗公开", "XH-SCJG", "DISCLOSURE_OFFICER", "TONGBANDEMODISCLOSUREAAAAAAAAAAA" },
			new String[] { "leader", "韩主任", "XH-ZFB", "LEADER", "TONGBANDEMOLEADERAAAAAAAAAAAAAAA" },
			new String[] { "approver-mz", "刘民政", "XH-MZ", "APPROVER", "TONGBANDEMOAPPROVERMZAAAAAAAAAAA" },
			new String[] { "deptadmin-mz", "黄民政", "XH-MZ", "DEPT_ADMIN", "TONGBANDEMODEPTADMINMZAAAAAAAAAA" },
			new String[] { "clerk-2", "王窗口", "XH-ZWFW", "COUNTER_CLERK", "TONGBANDEMOCLERKTWOAAAAAAAAAAAAA" },
			new String[] { "clerk-bs", "陈街道", "XH-ZWFW", "COUNTER_CLERK", "TONGBANDEMOCLERKBSAAAAAAAAAAAAAA" },
			new String[] { "agent-sg", "李代办", "XH-ZWFW", "COUNTER_CLERK", "TONGBANDEMOAGENTSGAAAAAAAAAAAAAA" });

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国文辉力斌宇浩凯晨欣怡梓涵子轩雨嘉思琪佳慧婷雪梅海燕志宏丹春晓东";
	private static final String[] COUNTIES = { "330102", "330105", "330106", "330108", "330109", "330110", "330111",
			"330112", "330113", "330114", "330122", "330127", "330182" };

	private final DemoData demo;
	private final AccountRepository accounts;
	private final LegalPersonRepository legalPersons;
	private final AgentGrantRepository agentGrants;
	private final DirectoryManagement directory;
	private final PasswordEncoder encoder;
	private final ClientRegistrations clients;
	private final JdbcTemplate jdbc;
	private final DataKeys keys;

	IdentityDemoData(DemoData demo, AccountRepository accounts, LegalPersonRepository legalPersons,
			AgentGrantRepository agentGrants, DirectoryManagement directory, PasswordEncoder encoder,
			ClientRegistrations clients, JdbcTemplate jdbc, DataKeys keys) {
		this.keys = keys;
		this.demo = demo;
		this.accounts = accounts;
		this.legalPersons = legalPersons;
		this.agentGrants = agentGrants;
		this.directory = directory;
		this.encoder = encoder;
		this.clients = clients;
		this.jdbc = jdbc;
	}

	static String withCheck(String first17) {
		return first17 + IdNumber.checkCharacter(first17);
	}

	static String usccWithCheck(String first17) {
		return first17 + Uscc.checkCharacter(first17);
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("identity", this::load);
	}

	private void load() {
		String hash = encoder.encode(demo.password());
		List<Object[]> register = populationRegister();
		register.add(new Object[] { CITIZEN_ID, "王小明" });
		register.add(new Object[] { LEGAL_REP_ID, "陈建国" });
		register.add(new Object[] { AGENT_ID, "李娜" });
		jdbc.batchUpdate("insert into identity_population_register (id_index, id_number_enc, name) values (?, ?, ?) on conflict do nothing",
				register.stream().map(r -> new Object[] { keys.blindIndex((String) r[0]), keys.encrypt((String) r[0]), r[1] }).toList());

		accounts.save(Account.citizen("王小明", new IdNumber(CITIZEN_ID), "13800000001", hash, 2));
		Account rep = accounts.save(Account.citizen("陈建国", new IdNumber(LEGAL_REP_ID), "13800000002", hash, 2));
		Account agent = accounts.save(Account.citizen("李娜", new IdNumber(AGENT_ID), "13800000003", hash, 2));
		LegalPerson company = legalPersons.save(new LegalPerson(new Uscc(COMPANY_USCC), "杭州西湖示范餐饮有限公司", rep.id()));
		agentGrants.save(new AgentGrant(company.id(), agent.id(), "ALL", LocalDate.now(Clocks.ZONE).plusYears(1)));

		for (String[] s : STAFF) {
			DepartmentView dep = directory.departmentByCode(s[2]).orElseThrow();
			accounts.save(Account.staff(s[0], s[1], hash, s[4], dep.id(), dep.regionCode(), EnumSet.of(Role.valueOf(s[3]))));
		}

		clients.save("tongban-demo-rp", "演示业务系统（单点登录）", demo.password(),
				List.of("authorization_code", "refresh_token"), List.of("openid", "profile", "phone", "idcard"),
				List.of("http://127.0.0.1:8081/callback"), List.of("http://127.0.0.1:8081/"));
		// a department's approval system, acting for its signed-in approvers through /api/tasks and for its staff on 12345
		// tickets through /api/hotline (client credentials too: bench/run.sh measures the token endpoint with it)
		clients.save("dept-system-demo", "演示部门系统（审批与工单接口）", demo.password(),
				List.of("authorization_code", "refresh_token", "client_credentials"), List.of("openid", ApiScopes.TASKS, ApiScopes.HOTLINE),
				List.of("http://127.0.0.1:8082/callback"), List.of());
		// a mobile app applying for citizens through /api/cases
		clients.save("tongban-demo-app", "演示移动应用（办件接口）", demo.password(), List.of("authorization_code", "refresh_token"),
				List.of("openid", "profile", ApiScopes.CASES_READ, ApiScopes.CASES_WRITE, ApiScopes.APPOINTMENTS), List.of("http://127.0.0.1:8083/callback"),
				List.of());
		// the 医保 department's system reading shared data (bound to XH-YB by the exchange module's demo data)
		clients.save("yb-system-demo", "医保业务系统（数据共享）", demo.password(), List.of("client_credentials"), List.of("exchange"), List.of(),
				List.of());
		// 区税务局's system verifying e-licences through /api/licences/** (bound to XH-SW by the licence module's demo data)
		clients.save("licence-verify-demo", "税务业务系统（证照核验）", demo.password(), List.of("client_credentials"), List.of(ApiScopes.LICENCE_VERIFY),
				List.of(), List.of());
	}

	/** About 1,000 synthetic residents of Hangzhou with valid, unique ID numbers. */
	static List<Object[]> populationRegister() {
		Random random = new Random(2026);
		Set<String> seen = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		while (rows.size() < 1000) {
			String county = COUNTIES[random.nextInt(COUNTIES.length)];
			LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
			String first17 = county + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
			String id = withCheck(first17);
			if (!seen.add(id)) {
				continue;
			}
			String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
					+ GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
			rows.add(new Object[] { id, name });
		}
		return rows;
	}
}
