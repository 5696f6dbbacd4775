package tongban.licence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseEvents.CaseApproved;
import tongban.casework.CaseId;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The approval's event may be delivered again (a restart after the licence was stored but before the publication was
 * marked complete): the case keeps its one licence.
 */
class LicenceRedeliveryIT extends IntegrationTest {

	@Autowired
	Applying applying;

	@Autowired
	Representation companies;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	LicenceIssuing issuing;

	private long licencesOf(CaseId id) {
		return jdbc.sql("select count(*) from licence_licence where case_id = ?").param(id.value()).query(Long.class).single();
	}

	private void complete(StaffMember staff, CaseId id, String decision, String opinion) {
		var task = approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
		approval.complete(staff, task.taskId(), ApprovalManagement.Decision.of(decision, opinion, Map.of()));
	}

	@Test
	void anApprovalDeliveredAgainIssuesNoSecondLicence() {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "重投审批员"));
		Citizen owner = newCitizen("重投店主", 2);
		var filed = TestCases.submittedFoodLicence(applying, companies, owner, "91330106MA2H3L5Y4T", "重投餐饮店");
		var health = new StaffMember(UUID.randomUUID(), "卫健审批员", "XH-WJ", null, Set.of(Role.APPROVER));
		complete(market, filed.caseId(), "accept", "");
		complete(health, filed.caseId(), "", "从业人员健康证明齐全");
		complete(market, filed.caseId(), "", "场所布局合理");
		complete(market, filed.caseId(), "approve", "符合条件，准予许可");
		await().atMost(Duration.ofSeconds(30)).until(() -> licencesOf(filed.caseId()) == 1);
		String caseNumber = jdbc.sql("select case_number from casework_case where id = ?").param(filed.caseId().value()).query(String.class).single();

		issuing.issueOnce(new CaseApproved(filed.caseId(), caseNumber, market));

		assertThat(licencesOf(filed.caseId())).isEqualTo(1);
	}
}
