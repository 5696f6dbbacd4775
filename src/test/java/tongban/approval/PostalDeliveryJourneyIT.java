package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * Issue 16 point 5 on the workbench: the 送达 task of an applicant who chose 免费邮寄 asks for the carrier and tracking
 * number; submitting without them (or with a malformed number) is refused beside the field and nothing changes; with
 * them the case is 办结 and the applicant sees carrier and number on the case page.
 */
class PostalDeliveryJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	DirectoryManagement directory;

	private ApprovalManagement.TaskView task(StaffMember staff, CaseId caseId, String key) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
				() -> approval.inbox(staff).stream().filter(t -> t.caseId().equals(caseId) && t.taskKey().equals(key)).findFirst().orElse(null),
				t -> t != null);
	}

	@Test
	void theDeliveryTaskAsksForTheTrackingNumber() {
		Citizen me = newCitizen("邮寄送达", 2);
		var a = TestCases.actor(me);
		CaseId id = TestCases.submittedSocialSecurityCardByPost(applying, me);
		var dep = directory.departmentByCode("XH-RLSB").orElseThrow();
		Staff account = newStaff(dep.code(), Role.APPROVER, "送达员");
		var staff = new StaffMember(account.id(), account.displayName(), "XH-RLSB", null, Set.of(Role.APPROVER));
		approval.complete(staff, task(staff, id, "accept").taskId(), ApprovalManagement.Decision.of("accept", "", Map.of()));
		approval.complete(staff, task(staff, id, "review").taskId(), ApprovalManagement.Decision.of("", "符合条件", Map.of()));
		approval.complete(staff, task(staff, id, "decide").taskId(), ApprovalManagement.Decision.of("approve", "", Map.of()));
		String deliver = task(staff, id, "deliver").taskId();

		Page p = staffPage(account);
		p.navigate(base() + "/workbench/tasks/" + deliver);
		assertThat(p.getByTestId("postal-delivery").innerText()).contains("快递公司").contains("运单号");
		Accessibility.check(p);
		p.getByTestId("complete-task").click();
		assertThat(p.getByTestId("error-summary").innerText()).contains("请选择快递公司并填写运单号");
		p.locator("#carrier").selectOption("中国邮政 EMS");
		p.locator("#trackingNumber").fill("EA1234CN");
		p.getByTestId("complete-task").click();
		assertThat(p.locator("#trackingNumber-error").innerText()).contains("运单号格式不正确");
		assertThat(cases.find(a, id).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);
		Accessibility.check(p);
		p.locator("#trackingNumber").fill("EA 123456789 CN");
		p.getByTestId("complete-task").click();
		assertThat(cases.find(a, id).orElseThrow().status()).isEqualTo(CaseStatus.CONCLUDED);

		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/cases/" + id);
		assertThat(page.getByTestId("timeline").innerText()).contains("邮寄送达：中国邮政 EMS，运单号 EA123456789CN");
		p.context().close();
	}
}
