package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A platform admin defines a licence type in the console: a type code that is not a USCC plus 3 digits and a template
 * without the holder's name are refused with every problem listed and nothing saved; once corrected it is saved and
 * listed beside the shipped types.
 */
class LicenceTypeConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	LicenceManagement licences;

	@Test
	void aTypeWithoutAHolderIsRefusedThenSaved() {
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.PLATFORM_ADMIN, "证照管理员");
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());
		page.navigate(base() + "/workbench");
		page.getByTestId("licence-types-link").click();
		assertThat(page.getByTestId("licence-types").innerText()).contains("食品经营许可证").contains("结婚证").contains("11100000MB0000001T001");
		accessible();
		int before = licences.types().size();

		page.getByTestId("new-type").click();
		page.locator("#code").fill("11100000MB0000002Y002");
		page.locator("#name").fill("预防接种证");
		page.locator("#definingAuthority").fill("国家卫生健康委员会");
		page.locator("#numberPrefix").fill("YF");
		page.locator("#sealTypes").fill("出生医学证明专用章");
		page.locator("#fields").fill("公民身份号码 | form:babyId | HOLDER_CODE | masked\n编号 | number | NUMBER\n签发机构 | issuer | ISSUER\n签发日期 | issuedOn | ISSUED_ON\n");
		page.getByTestId("save-type").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("证照类型代码须是定义机构的统一社会信用代码加 3 位数字")
			.contains("模板缺少持证主体名称");
		assertThat(page.locator("#name").inputValue()).as("what was typed is kept").isEqualTo("预防接种证");
		assertThat(licences.types()).hasSize(before);
		accessible();

		page.locator("#code").fill("11100000MB0000002X002");
		page.locator("#fields").fill("受种者 | form:babyName | HOLDER_NAME\n" + page.locator("#fields").inputValue());
		page.getByTestId("save-type").click();
		assertThat(page.getByTestId("banner").innerText()).contains("证照类型已保存");
		assertThat(licences.types()).hasSize(before + 1).anyMatch(t -> t.name().equals("预防接种证") && t.fields().size() == 5
				&& Boolean.TRUE.equals(t.fields().get(1).masked()));
		page.navigate(base() + "/console/licence-types");
		assertThat(page.getByTestId("licence-types").innerText()).contains("预防接种证");
	}
}
