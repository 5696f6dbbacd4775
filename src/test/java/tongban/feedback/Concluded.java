package tongban.feedback;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.Cases;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/** A citizen's 社会保障卡申领 handled to its end by 区人力社保局 through the approval module's tasks, as staff would. */
public final class Concluded {

	public static final String DEPARTMENT = "XH-RLSB";

	private Concluded() {
	}

	public static UUID socialSecurityCard(Applying applying, Cases cases, ApprovalManagement approval, IntegrationTest.Citizen c) {
		CaseId id = TestCases.submittedSocialSecurityCard(applying, c);
		conclude(cases, approval, id);
		return id.value();
	}

	/** A submitted case of 区人力社保局 handled to its end through the approval module's tasks. */
	public static void conclude(Cases cases, ApprovalManagement approval, CaseId id) {
		var staff = new StaffMember(UUID.randomUUID(), "人社审批员", DEPARTMENT, null, Set.of(Role.APPROVER));
		for (int step = 0; step < 10 && cases.forStaff(id).orElseThrow().status() != CaseStatus.CONCLUDED; step++) {
			var task = Awaitility.await().atMost(Duration.ofSeconds(20))
				.until(() -> approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst(), Optional::isPresent)
				.orElseThrow();
			String decision = switch (task.taskKey()) {
				case "accept" -> "accept";
				case "handle", "decide" -> "approve";
				default -> "";
			};
			approval.complete(staff, task.taskId(), ApprovalManagement.Decision.of(decision, "符合条件", Map.of()));
		}
		if (cases.forStaff(id).orElseThrow().status() != CaseStatus.CONCLUDED) {
			throw new AssertionError("not concluded: " + cases.forStaff(id).orElseThrow().status());
		}
	}
}
