package tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.exchange.DataLookups;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.identity.Role;
import tongban.shared.IdNumber;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * The audit console in Chromium: a platform admin's own sign-in is among the latest entries; checking the chain says it
 * is intact, and names the altered entry after one is changed in the table. A department admin cannot open it.
 */
class AuditConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	DataLookups lookups;

	@Test
	void platformAdminsCheckTheChainOnTheConsole() {
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.PLATFORM_ADMIN, "审计管理员");
		page.close();
		page = staffPage(admin);
		page.navigate(base() + "/workbench");
		page.getByTestId("console-audit-link").click();
		assertThat(page.getByTestId("audit-entries").innerText()).contains("登录").contains(admin.id().toString());
		page.getByTestId("verify-audit").click();
		assertThat(page.getByTestId("audit-verification").innerText()).contains("日志链完整");
		accessible();

		Long position = jdbc.sql("select position from audit_entry where actor = ? and position is not null order by position limit 1")
			.param(admin.id().toString()).query(Long.class).single();
		String detail = jdbc.sql("select detail from audit_entry where position = ?").param(position).query(String.class).single();
		jdbc.sql("update audit_entry set detail = 'FAILURE' where position = ?").param(position).update();
		page.getByTestId("verify-audit").click();
		assertThat(page.getByTestId("audit-verification").innerText()).contains("第 " + position + " 条记录被改动");
		jdbc.sql("update audit_entry set detail = ? where position = ?").params(detail, position).update();

		// a read record written by hand after reads are sealed is named on the page
		lookups.lookup(new Reader("XH-YB", "audit-console-test", null, null),
				new Lookup("XH-GA-RK", "33010619900101001" + IdNumber.checkCharacter("33010619900101001"), List.of("name"), "核验", "AUDIT-1"), true);
		long forged = jdbc.sql("""
				insert into exchange_access (subject_index, resource_code, consumer_department_code, fields, purpose, case_number, outcome)
				values ('forged', 'XH-GA-RK', 'XH-MZ', '{name}', '查看', 'FAKE-2', 'SERVED') returning id""").query(Long.class).single();
		page.getByTestId("verify-audit").click();
		assertThat(page.getByTestId("audit-verification").innerText()).contains("查询记录（exchange_access " + forged + "）没有封存");
		jdbc.sql("delete from exchange_access where id = ?").param(forged).update();
		page.getByTestId("verify-audit").click();
		assertThat(page.getByTestId("audit-verification").innerText()).contains("日志链完整");

		Staff deptAdmin = newStaff(dep.code(), Role.DEPT_ADMIN, "部门管理员");
		var other = staffPage(deptAdmin);
		assertThat(other.navigate(base() + "/console/audit").status()).isEqualTo(403);
		other.context().close();
	}
}
