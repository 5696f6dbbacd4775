package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;

import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemProcesses;
import tongban.catalog.PublishingGateTest;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A department admin attaches the item's own BPMN file: text that is not XML is refused with the parser's reason, a
 * process without the supplement wait is refused naming the missing step, a good one is deployed and the draft uses it.
 */
class ProcessUploadJourneyIT extends JourneyTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	DirectoryManagement directory;

	@Autowired
	RepositoryService repository;

	@Test
	void uploadChecksAndDeploys() throws Exception {
		String code = "330106-GG-P" + System.nanoTime() % 100000 + "-01";
		catalog.importPublished(PublishingGateTest.with("code", code, "department", "XH-MZ", "name", "自定义流程事项",
				"type", "GG", "faq", List.of()), null, "测试");
		var dep = directory.departmentByCode("XH-MZ").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.DEPT_ADMIN, "流程管理员");
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());
		page.navigate(base() + "/console/items/" + code);
		page.getByTestId("edit-item").click();
		page.getByTestId("edit-process").click();

		page.locator("#file").setInputFiles(new FilePayload("p.bpmn", "text/xml", "this is not xml".getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("upload-process").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("不是有效的 BPMN 2.0 XML");
		assertThat(page.getByTestId("parser-reason").innerText()).startsWith("原因：").hasSizeGreaterThan(5);
		accessible();

		String template = new String(getClass().getResourceAsStream("/processes/case-committed.bpmn20.xml").readAllBytes(), StandardCharsets.UTF_8);
		String withoutWait = template.replace("<receiveTask id=\"waitSupplement\" name=\"等待补正\"/>", "<userTask id=\"waitSupplement\"/>")
			.replace("flowable:candidateGroups=\"${department}:APPROVER\"/>\n    <sequenceFlow sourceRef=\"review\"", "flowable:candidateGroups=\"${department}:APPROVER\"/>\n    <sequenceFlow sourceRef=\"review\"");
		page.locator("#file").setInputFiles(new FilePayload("p.bpmn", "text/xml", withoutWait.getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("upload-process").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("缺少“等待补正”接收任务").contains("用户任务的标识只能是");

		String own = template.replace("name=\"承诺件\"", "name=\"自定义承诺件\"");
		page.locator("#file").setInputFiles(new FilePayload("own.bpmn", "text/xml", own.getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("upload-process").click();
		assertThat(page.getByTestId("banner").innerText()).contains("流程已通过校验并部署");
		assertThat(page.getByTestId("audit").innerText()).contains("上传办理流程");
		String key = ItemProcesses.keyFor(code);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
		assertThat(jdbc.sql("select v.guide->>'process' from catalog_item_version v join catalog_item i on i.id = v.item_id "
				+ "where i.code = ? and v.status = 'DRAFT'").param(code).query(String.class).single()).isEqualTo(key);
	}
}
