package tongban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;


import tongban.catalog.CatalogManagement;
import tongban.support.IntegrationTest;

/**
 * Rows written and index lookups per submission, table by table, beside a bare Flowable start (run by
 * {@code bench/cases.sh rows}, not by the test suite): where a submission's database work goes. Figures from
 * PostgreSQL's statistics over 50 sequential operations each.
 */
class RowsBench extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	org.flowable.engine.RuntimeService runtime;

	@Test
	void baseline() throws Exception {
		String q = "select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan,0) + coalesce(idx_scan,0) as scans from pg_stat_user_tables";
		java.util.Map<String, long[]> before = new java.util.HashMap<>();
		Thread.sleep(1500);
		jdbcTemplate.query(q, rs -> { before.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }); });
		for (int i = 0; i < 50; i++) {
			runtime.startProcessInstanceByKey("case-immediate", UUID.randomUUID().toString(),
					java.util.Map.of("caseId", UUID.randomUUID().toString(), "department", "XH-RLSB", "caseNumber", "x", "itemName", "y"));
		}
		Thread.sleep(2500);
		jdbcTemplate.query(q, rs -> {
			long[] b = before.getOrDefault(rs.getString(1), new long[4]);
			long ins = rs.getLong(2) - b[0], upd = rs.getLong(3) - b[1], del = rs.getLong(4) - b[2], sc = rs.getLong(5) - b[3];
			if (ins + upd + del + sc > 0) System.out.printf("BENCH bare start   %-28s ins %.2f upd %.2f del %.2f scans %.2f%n", rs.getString(1), ins / 50.0, upd / 50.0, del / 50.0, sc / 50.0);
		});
	}

	@Test
	void submission() throws Exception {
		Citizen me = newCitizen("计数申请人", 2);
		var item = catalog.published(CaseBench.ITEM).orElseThrow();
		String values = "{\"name\":\"" + me.name() + "\",\"idNumber\":\"" + me.idNumber()
				+ "\",\"phone\":\"13300012345\",\"reason\":\"信息变更\",\"delivery\":\"窗口领取\"}";
		String bearer = "Bearer " + accessToken(me.id(), "cases.read", "cases.write");
		HttpClient http = HttpClient.newHttpClient();
		String q = "select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan,0) + coalesce(idx_scan,0) as scans from pg_stat_user_tables";
		java.util.Map<String, long[]> before = new java.util.HashMap<>();
		Thread.sleep(1500);
		jdbcTemplate.query(q, rs -> { before.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }); });
		int N = 50;
		for (int i = 0; i < N; i++) {
			UUID id = UUID.randomUUID();
			UUID token = UUID.randomUUID();
			jdbcTemplate.update("""
					insert into casework_case (id, item_code, item_version, item_name, department_code, region_code, applicant_account_id,
					  applicant_name, party_kind, party_id, party_name, status, form_values, submit_token)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""", id, CaseBench.ITEM, item.version(), item.guide().name(),
					item.guide().department(), "330106", me.id(), me.name(), "CITIZEN", me.id(), me.name(), keys.encrypt(values), token);
			var r = http.send(HttpRequest.newBuilder(URI.create(url("/api/cases/" + id + "/submission"))).header("Authorization", bearer)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				System.out.println("BENCH submission refused: " + r.statusCode());
			}
		}
		Thread.sleep(2500);
		jdbcTemplate.query(q, rs -> {
			long[] b = before.getOrDefault(rs.getString(1), new long[4]);
			long ins = rs.getLong(2) - b[0], upd = rs.getLong(3) - b[1], del = rs.getLong(4) - b[2], sc = rs.getLong(5) - b[3];
			if (ins + upd + del + sc > 0) System.out.printf("BENCH submission   %-28s ins %.2f upd %.2f del %.2f scans %.2f%n", rs.getString(1), ins / 50.0, upd / 50.0, del / 50.0, sc / 50.0);
		});
	}
}
