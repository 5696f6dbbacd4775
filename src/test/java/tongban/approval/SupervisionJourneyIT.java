package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/** 督办: an overdue case shows red to the supervisor of its region, and not to a supervisor of another region. */
class SupervisionJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	DirectoryManagement directory;

	@Test
	void overdueCasesShowRedToTheRegionsSupervisor() {
		Citizen me = newCitizen("督办测试", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, me);
		var staff = new StaffMember(UUID.randomUUID(), "审批员", "XH-RLSB", null, Set.of(Role.APPROVER));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> approval.inbox(staff).stream().anyMatch(t -> t.caseId().equals(id)));
		String task = approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow().taskId();
		approval.complete(staff, task, ApprovalManagement.Decision.of("accept", "", Map.of()));
		// accepted 40 days ago: the promised date (10 working days from then), which supervision reads, is long past
		LocalDate accepted = LocalDate.now(Clocks.ZONE).minusDays(40);
		jdbc.sql("update casework_case set accepted_at = ?::date, promised_date = ? where id = ?")
			.params(accepted, WorkingCalendar.ofShipped().addWorkingDays(accepted, 10), id.value()).update();
		String number = cases.forStaff(id).orElseThrow().caseNumber();

		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff supervisor = newStaff(dep.code(), "330106", Role.SUPERVISOR, "督办员");
		login().open().signIn(supervisor.username(), supervisor.password()).totp(supervisor.totpCode());
		page.navigate(base() + "/workbench");
		page.getByTestId("supervision-link").click();
		var row = page.locator("tr[data-case='" + number + "']");
		assertThat(row.innerText()).contains("社会保障卡申领").contains("已超期");
		assertThat(row.locator(".tag-red").count()).isEqualTo(1);
		accessible();

		assertThat(approval.warnings("330102")).as("another district's supervisor").noneMatch(w -> w.caseId().equals(id));
		assertThat(approval.warnings("330100")).as("the city's supervisor").anyMatch(w -> w.caseId().equals(id));
		page.navigate(base() + "/workbench/tasks");
		assertThat(page.getByTestId("inbox-empty").isVisible()).as("a supervisor decides nothing: an empty inbox").isTrue();
	}
}
