package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseEvents.CaseApproved;
import tongban.casework.CaseId;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.seal.SealRegistry;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The hand-off from casework to licence, a module test with Spring Modulith's {@link Scenario} on the shared integration
 * context: a 食品经营许可 approved by a market approver signed in with TOTP publishes {@link CaseApproved} carrying that
 * approver; the approval's transaction commits with no licence yet, and afterwards, in its own transaction, the
 * licence is issued and sealed in the approver's name. An approver without TOTP is refused at the approval itself, and
 * no licence follows.
 */
@EnableScenarios
class LicenceIssuingIT extends IntegrationTest {

	@Autowired
	Applying applying;

	@Autowired
	Representation companies;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	SealRegistry sealRegistry;

	long licencesOf(CaseId id) {
		return jdbc.sql("select count(*) from licence_licence where case_id = ?").param(id.value()).query(Long.class).single();
	}

	void complete(StaffMember staff, CaseId id, String decision, String opinion) {
		var task = approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
		approval.complete(staff, task.taskId(), ApprovalManagement.Decision.of(decision, opinion, Map.of()));
	}

	/** A food-licence case with acceptance and both reviews done, waiting for the market approver's decision. */
	CaseId waitingForDecision(StaffMember market) {
		Citizen owner = newCitizen("出证交接", 2);
		var filed = TestCases.submittedFoodLicence(applying, companies, owner, "91330106MA2H3L5Y4T", "交接餐饮店");
		var health = new StaffMember(UUID.randomUUID(), "卫健审批员", "XH-WJ", null, Set.of(Role.APPROVER));
		complete(market, filed.caseId(), "accept", "");
		complete(health, filed.caseId(), "", "从业人员健康证明齐全");
		complete(market, filed.caseId(), "", "场所布局合理");
		return filed.caseId();
	}

	@Test
	void anApprovalIssuesTheLicenceAfterItCommitsSealedByTheApprover(Scenario scenario) {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "出证审批员"));
		CaseId id = waitingForDecision(market);

		scenario.stimulate(() -> {
			complete(market, id, "approve", "符合条件，准予许可");
			return licencesOf(id);
		})
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> licencesOf(id), issued -> issued > 0)
			.andVerify((Long issued, Long inTheApproval) -> {
				assertThat(inTheApproval).as("no licence inside the approval's transaction").isZero();
				assertThat(issued).isEqualTo(1);
				String identifier = jdbc.sql("select identifier from licence_licence where case_id = ?").param(id.value())
					.query(String.class).single();
				var seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
				assertThat(sealRegistry.uses(seal.id(), 50)).as("sealed in the approver's name")
					.anyMatch(use -> use.outcome().equals("SEALED") && use.documentRef().equals(identifier) && use.actorName().equals("出证审批员"));
			});
	}

	@Test
	void anApproverWithoutTotpIsRefusedAtTheApprovalAndNoLicenceFollows() {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.APPROVER, "未验证审批员")).withSecondFactor(false);
		CaseId id = waitingForDecision(market);

		assertThat(catchThrowableOfType(DomainException.class, () -> complete(market, id, "approve", "准予")).code()).isEqualTo("seal-totp");
		assertThat(licencesOf(id)).isZero();
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + id.value() + "%")
			.query(Long.class).single()).as("no issuance waits in the registry").isZero();
	}
}
