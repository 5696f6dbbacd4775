package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.shared.IdNumber;
import tongban.shared.Masking;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * Data quality in Chromium: the real-estate register's address of 王小明 differs from his household address in the
 * population register (the demo's deliberate disagreement), and a record with a malformed ID number is found too. The
 * 自然资源 department's admin runs the checks, sees the finding with the subject masked, marks it fixed (a note
 * required). 公安's malformed record closes by itself once corrected and checked again.
 */
class QualityJourneyIT extends JourneyTest {

	@Autowired
	DataQuality quality;

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	DirectoryManagement directory;

	@Test
	void findingsAreSeenByTheProviderAndMarkedFixed() {
		String wang = "33010619900101001" + IdNumber.checkCharacter("33010619900101001");
		String broken = "330106198001010010".substring(0, 17) + (IdNumber.checkCharacter("33010619800101001") == 'X' ? '1' : 'X');
		catalogue.putRecord("XH-GA-RK", broken, Map.of("name", "格式错", "idNumber", broken, "householdAddress", "浙江省杭州市西湖区某路 1 号"));
		quality.runAll();
		assertThat(jdbc.sql("select count(*) from exchange_quality_finding where rule_id = 'GA-RK-ID-FORMAT' and status = 'OPEN' and subject_index = ?")
			.param(keys.blindIndex(broken)).query(Long.class).single()).isEqualTo(1);

		var dep = directory.departmentByCode("XH-GHZY").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.DEPT_ADMIN, "自然资源管理员");
		page.close();
		page = staffPage(admin);
		page.navigate(base() + "/workbench");
		page.getByTestId("quality-link").click();
		page.getByTestId("run-quality").click();
		assertThat(page.getByTestId("banner").innerText()).contains("检查完成");
		assertThat(page.getByTestId("quality-rules").innerText()).contains("坐落与户籍地址一致");
		String findings = page.getByTestId("findings").innerText();
		assertThat(findings).contains("不动产登记信息：坐落与户籍地址一致（自住住宅）").contains(Masking.idNumber(wang)).doesNotContain(wang)
			.doesNotContain("格式错");
		accessible();
		long id = jdbc.sql("select id from exchange_quality_finding where rule_id = 'GHZY-BDC-ADDRESS' and subject_index = ? and status = 'OPEN'")
			.param(keys.blindIndex(wang)).query(Long.class).single();
		page.getByTestId("fix-" + id).click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请说明更正的情况");
		page.locator("#note-" + id).fill("核实为户籍迁出前旧址，已通知户籍部门同步");
		page.getByTestId("fix-" + id).click();
		assertThat(page.getByTestId("banner").innerText()).contains("已标记为已更正");
		assertThat(page.getByTestId("finding-" + id).innerText()).contains("已更正（自然资源管理员）核实为户籍迁出前旧址");

		String right = broken.substring(0, 17) + IdNumber.checkCharacter(broken.substring(0, 17));
		catalogue.putRecord("XH-GA-RK", broken, Map.of("name", "格式错", "idNumber", right, "householdAddress", "浙江省杭州市西湖区某路 1 号"));
		quality.runAll();
		assertThat(jdbc.sql("select status from exchange_quality_finding where rule_id = 'GA-RK-ID-FORMAT' and subject_index = ?")
			.param(keys.blindIndex(broken)).query(String.class).single()).isEqualTo("FIXED");
	}
}
