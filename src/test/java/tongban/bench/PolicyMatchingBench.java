package tongban.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.RegisterScan;
import tongban.identity.Role;
import tongban.proactive.enterprise.EnterprisePolicies;
import tongban.proactive.enterprise.EnterprisePolicy;
import tongban.proactive.enterprise.PolicyDraft;
import tongban.proactive.enterprise.PolicyMatching;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.support.IntegrationTest;

/**
 * 惠企政策直达 at district size: {@code bench.companies} synthetic companies in the business register (written straight
 * into the register's table, encrypted as {@code putRecord} writes them, so no change events start matching on their
 * own), one policy matching about a third of them; the same run's bare register scan (every read recorded, nothing
 * tested) is the baseline. Run by bench/policies.sh, not by the test suite; prints figures only.
 */
class PolicyMatchingBench extends IntegrationTest {

	static final int COMPANIES = Integer.getInteger("bench.companies", 20_000);

	@Autowired
	RegisterScan scan;

	@Autowired
	EnterprisePolicies policies;

	@Autowired
	PolicyMatching matching;

	@Test
	void matchingAPolicyOverTheRegister() {
		JsonMapper json = JsonMapper.builder().build();
		String region = "B" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
		String[] scales = { "微型", "小型", "中型" };
		List<Object[]> rows = new ArrayList<>();
		List<String> subjects = new ArrayList<>();
		long started = System.nanoTime();
		for (int n = 0; n < COMPANIES; n++) {
			Map<String, String> values = new LinkedHashMap<>();
			String subject = region + "-" + n;
			values.put("uscc", subject);
			values.put("name", "压测企业" + n);
			values.put("status", "存续");
			values.put("establishedOn", "2015-01-01");
			values.put("industryCode", n % 2 == 0 ? "H6210" : "I6513");
			values.put("industryName", "压测");
			values.put("scale", scales[n % 3]);
			values.put("employees", Integer.toString(5 + n % 200));
			values.put("regionCode", region + "00" + n % 9);
			String index = keys.blindIndex(subject);
			subjects.add(index);
			rows.add(new Object[] { EnterprisePolicy.REGISTER, index, keys.encrypt(json.writeValueAsString(values)) });
			if (rows.size() == 1000) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
		System.out.printf("BENCH %,d companies put in the register: %.1f s%n", COMPANIES, (System.nanoTime() - started) / 1e9);

		var admin = people.signedIn(newStaff("XH-SCJG", Role.DEPT_ADMIN, "压测管理员"));
		// saved not yet in force, so the saved-policy listener leaves it to this benchmark
		var saved = policies.save(admin, null, new PolicyDraft("压测政策", "压测", "压测", List.of(
				new Condition(EnterprisePolicy.REGISTER, "industryCode", Operator.STARTS_WITH, "H62"),
				new Condition(EnterprisePolicy.REGISTER, "scale", Operator.ONE_OF, "小型、微型"),
				new Condition(EnterprisePolicy.REGISTER, "regionCode", Operator.STARTS_WITH, region)), "2099-01-01", null, null, "压测〔2026〕1号", null));
		jdbc.sql("update proactive_enterprise_policy set valid_from = date '2020-01-01' where code = ?").param(saved.code()).update();
		var policy = policies.byCode(saved.code()).orElseThrow();
		long total = jdbc.sql("select count(*) from exchange_record where resource_code = ?").param(EnterprisePolicy.REGISTER).query(Long.class).single();

		// the first bare scan warms the JIT and the caches; the second is the baseline
		scan.scan(PolicyMatching.READER, EnterprisePolicy.REGISTER, EnterprisePolicies.FIELDS, "压测", "BENCH-WARM-UP", row -> {
		});
		started = System.nanoTime();
		long read = scan.scan(PolicyMatching.READER, EnterprisePolicy.REGISTER, EnterprisePolicies.FIELDS, "压测", "BENCH-BASELINE", row -> {
		});
		double baseline = (System.nanoTime() - started) / 1e9;
		System.out.printf("BENCH baseline: bare scan of the register (%,d records, each read recorded): %.1f s, %,.0f records/s%n", read, baseline,
				read / baseline);

		started = System.nanoTime();
		var first = matching.matchPolicy(policy.id());
		double cold = (System.nanoTime() - started) / 1e9;
		System.out.printf("BENCH first match of one policy: %,d read, %,d matched (all new): %.1f s, %,.0f records/s, %.2f x the bare scan%n",
				first.read(), first.matched(), cold, first.read() / cold, cold / baseline);

		started = System.nanoTime();
		var again = matching.matchPolicy(policy.id());
		double warm = (System.nanoTime() - started) / 1e9;
		System.out.printf("BENCH the same policy again (nightly; %,d matched, %,d new): %.1f s, %.2f x the bare scan%n", again.matched(),
				again.added(), warm, warm / baseline);

		int changes = 500;
		started = System.nanoTime();
		for (int n = 0; n < changes; n++) {
			matching.matchCompany(subjects.get(n * (COMPANIES / changes)));
		}
		double each = (System.nanoTime() - started) / 1e6 / changes;
		System.out.printf("BENCH one company's change against every policy in force (%d companies, register of %,d): %.1f ms each%n", changes,
				total, each);
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into exchange_record (resource_code, subject_index, data) values ");
		List<Object> params = new ArrayList<>();
		for (int row = 0; row < rows.size(); row++) {
			sql.append(row == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
			params.addAll(List.of(rows.get(row)));
		}
		jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
	}
}
