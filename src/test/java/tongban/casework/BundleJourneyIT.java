package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.support.JourneyTest;

/**
 * 新生儿出生一件事: one combined form that asks the shared fields once, one set of materials, one submission that
 * files four linked cases with four departments (each starting its process), tracked on one page. The mother holds
 * her 结婚证 and 居民户口簿 as e-licences and picks them from her wallet instead of uploading (用证): the 公安 approver's
 * task page shows them at trust level A with a link to the registry, and she sees each use in her wallet.
 */
class BundleJourneyIT extends JourneyTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	LicenceManagement licences;

	@Autowired
	DirectoryManagement directory;

	/** A licence issued into the citizen's wallet by the department's demo seal, sealed by an approver with TOTP. */
	private LicenceManagement.LicenceView issue(Citizen c, String item, String department, Map<String, Object> values) {
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "发证审批员", department, Set.of("APPROVER"), true);
		return licences.issue(new LicenceManagement.Issue(null, item, department, "330106", c.id(), values, c.id()), sealer)
			.orElseThrow();
	}

	@Test
	void newbornBundle() {
		Citizen mother = newCitizen("李母亲", 2);
		var marriage = issue(mother, "330106-QR-0006-01", "XH-MZ", Map.of("femaleName", mother.name(), "femaleId", mother.idNumber(),
				"maleName", "王父亲", "maleId", "11010519491231002X"));
		var household = issue(mother, "330106-QR-0001-01", "XH-GA", Map.of("motherName", mother.name(), "motherId", mother.idNumber(),
				"babyName", "", "birthDate", ""));
		login().open().signIn(mother.idNumber(), PASSWORD);
		page.navigate(base() + "/");
		page.getByTestId("bundles-link").click();
		page.getByTestId("bundles").getByText("新生儿出生一件事").click();
		assertThat(page.getByTestId("bundle-items").innerText()).contains("出生医学证明首次签发").contains("户口登记（出生登记）")
			.contains("城乡居民基本医疗保险参保登记").contains("社会保障卡申领");
		accessible();
		page.getByTestId("start-bundle").click();
		page.waitForLoadState(); // count() does not wait: let the whole combined form arrive first

		assertThat(page.locator("[name='v.phone']").count()).as("a shared field is asked once").isEqualTo(1);
		assertThat(page.locator("[name='v.motherId']").count()).isEqualTo(1);
		page.getByTestId("continue").click();
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("请填写").contains("请上传");
		accessible();

		page.locator("#v-babySex").selectOption("女");
		page.locator("#v-birthDate").fill("2026-11-20");
		page.locator("#v-hospital").fill("杭州市西湖区妇幼保健院");
		page.locator("#v-weight").fill("3250");
		page.locator("#v-motherName").fill(mother.name());
		page.locator("#v-motherId").fill(mother.idNumber());
		page.locator("#v-fatherKnown").selectOption("否");
		page.locator("#v-babyName").fill("李小满");
		page.locator("#v-certificateNo").fill("Q330123456");
		page.locator("#v-declarer").selectOption("母亲");
		page.locator("#v-fatherName").fill("王父亲");
		page.locator("#v-fatherId").fill("11010519491231002X");
		page.locator("#v-hukouWith").selectOption("随母");
		page.locator("#v-region").selectOption("330106");
		page.locator("#v-category").selectOption("新生儿");
		page.locator("#v-bank").selectOption("杭州银行");
		page.locator("#v-delivery").selectOption("窗口领取");
		// 用证: the two licences from the wallet instead of uploads
		var marriageChoice = page.locator("select[name^='lic.']").filter(new Locator.FilterOptions().setHasText("结婚证"));
		marriageChoice.selectOption(marriage.identifier());
		var householdChoice = page.locator("select[name^='lic.']").filter(new Locator.FilterOptions().setHasText("居民户口簿"));
		householdChoice.selectOption(household.identifier());
		var png = new FilePayload("file.png", "image/png", ApplyOnlineJourneyIT.PNG);
		var inputs = page.locator("input[type=file][name^='m.']");
		for (int i = 0; i < inputs.count(); i++) {
			inputs.nth(i).setInputFiles(png);
		}
		page.getByTestId("continue").click();
		assertThat(page.getByTestId("answers").innerText()).contains("李小满").contains(mother.mobile());
		page.getByTestId("submit-bundle").click();
		assertThat(page.getByTestId("confirmation").innerText()).contains("已一次提交 4 个事项");
		String bundleId = page.url().replaceAll(".*/bundle-cases/([0-9a-f-]+).*", "$1");
		assertThat(page.getByTestId("bundle-cases").locator("tbody tr").count()).isEqualTo(4);
		assertThat(page.getByTestId("bundle-cases").innerText()).doesNotContain("—\t已提交").contains("已提交");
		assertThat(page.getByTestId("bundle-status").innerText()).isEqualTo("办理中");
		accessible();

		UUID id = UUID.fromString(bundleId);
		assertThat(jdbc.sql("select count(distinct department_code) from casework_case where bundle_id = ? and status = 'SUBMITTED' "
				+ "and case_number is not null").param(id).query(Long.class).single()).as("four departments, four numbered cases").isEqualTo(4);
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select id from casework_case where bundle_id = ?").param(id)
			.query(UUID.class).list().stream()
			.allMatch(c -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.toString()).count() == 1));
		assertThat(keys.decrypt(jdbc.sql("select form_values from casework_case where bundle_id = ? and item_code = '330106-QR-0001-01'")
			.param(id).query(String.class).single())).contains("\"babyName\":\"李小满\"");

		// the 户口 case carries both licences at trust level A; the 公安 approver sees them so, with the registry link
		UUID hukou = jdbc.sql("select id from casework_case where bundle_id = ? and item_code = '330106-QR-0001-01'").param(id).query(UUID.class)
			.single();
		assertThat(jdbc.sql("select licence_identifier from casework_material where case_id = ? and trust_level = 'A' order by material_index")
			.param(hukou).query(String.class).list()).containsExactly(household.identifier(), marriage.identifier());
		assertThat(jdbc.sql("select size from casework_material where case_id = ? and trust_level = 'A'").param(hukou).query(Long.class).list())
			.as("each kept at the sealed licence's real size").allMatch(size -> size > 1000);
		var ga = directory.departmentByCode("XH-GA").orElseThrow();
		var approver = newStaff(ga.code(), Role.APPROVER, "户籍审批员");
		var office = staffPage(approver);
		String number = jdbc.sql("select case_number from casework_case where id = ?").param(hukou).query(String.class).single();
		office.navigate(base() + "/workbench/tasks");
		office.getByText(number).click();
		assertThat(office.getByTestId("task-materials").innerText()).contains("结婚证").contains("居民户口簿").contains("电子证照（可信等级 A）");
		office.locator("[data-testid^='registry-']").first().click();
		assertThat(office.getByTestId("verify-state").innerText()).contains("有效");
		office.context().close();

		// the holder sees each use
		page.navigate(base() + "/account/licences/" + marriage.id());
		assertThat(page.getByTestId("licence-uses").innerText()).contains("户口登记（出生登记）").contains("结婚证").contains(mother.name());
		accessible();
	}
}
