package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.exchange.DataLookups;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.exchange.ResourceCatalogue;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Personal data at rest: after a citizen has an account, submitted a case whose form carries an ID number and a phone
 * number, been sent text messages and been looked up in the population register, a raw SQL read of every text column
 * of every table finds neither their ID number nor any of the phone numbers (they are stored encrypted, found by a
 * keyed blind index); nor does it find a staff member's TOTP secret.
 */
class PlaintextScanIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	DataLookups lookups;

	@Test
	void noTableHoldsAnIdNumberOrPhoneNumberInPlaintext() {
		Citizen c = newCitizen("明文扫描", 2);
		long texts = jdbc.sql("select count(*) from notification_sms_outbox").query(Long.class).single();
		TestCases.submittedSocialSecurityCard(applying, c);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("select count(*) from notification_sms_outbox").query(Long.class).single() > texts);
		catalogue.putRecord("XH-GA-RK", c.idNumber(), Map.of("name", c.name(), "idNumber", c.idNumber()));
		lookups.lookup(new Reader("XH-ZWFW", null, "t", "测试"), new Lookup("XH-GA-RK", c.idNumber(), null,
				"扫描", "C-SCAN"), true);

		// and the demo people: 李娜 holds licences naming 王小明, both are in the population register and other registers
		String wang = "33010619900101001" + IdNumber.checkCharacter("33010619900101001");
		String li = "33010619920808002" + IdNumber.checkCharacter("33010619920808002");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from licence_licence").query(Long.class).single() >= 2);
		// and no staff TOTP secret (the demo supervisor's)
		List<String> needles = List.of(c.idNumber(), c.mobile(), "13100012345", wang, li, "13800000001", "13800000003",
				"TONGBANDEMOSUPERVISORAAAAAAAAAAA");
		List<String> found = new ArrayList<>();
		var columns = jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
				order by table_name, column_name""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		assertThat(columns).hasSizeGreaterThan(50);
		for (String[] col : columns) {
			for (String needle : needles) {
				String expr = "convert_from(\"" + col[1] + "\", 'UTF8')";
				boolean bytea = jdbc.sql("select data_type from information_schema.columns where table_schema = 'public' and table_name = ? and column_name = ?")
					.params(col[0], col[1]).query(String.class).single().equals("bytea");
				String sql = "select count(*) from \"" + col[0] + "\" where " + (bytea ? "position(convert_to(?, 'UTF8') in \"" + col[1] + "\") > 0"
						: "\"" + col[1] + "\"::text like '%' || ? || '%'");
				if (jdbc.sql(sql).param(needle).query(Long.class).single() > 0) {
					found.add(col[0] + "." + col[1] + " holds " + needle);
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
