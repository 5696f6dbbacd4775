package tongban.feedback;

import java.util.Map;
import java.util.UUID;

import tongban.approval.ApprovalManagement;
import tongban.casework.CaseManagement;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/** A citizen's 社会保障卡申领 handled to its end by 区人力社保局 through the approval module's tasks, as staff would. */
final class Concluded {

	static final String DEPARTMENT = "XH-RLSB";

	private Concluded() {
	}

	static UUID socialSecurityCard(CaseManagement cases, ApprovalManagement approval, IntegrationTest.Citizen c) {
		UUID id = TestCases.submittedSocialSecurityCard(cases, c);
		var staff = new ApprovalManagement.Staff(UUID.randomUUID(), "人社审批员", DEPARTMENT, true);
		for (int step = 0; step < 10 && cases.forStaff(id).orElseThrow().status() != CaseManagement.Status.CONCLUDED; step++) {
			var task = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
				.until(() -> approval.inbox(staff).stream().filter(t -> t.caseId().equals(id)).findFirst(), java.util.Optional::isPresent)
				.orElseThrow();
			String decision = switch (task.taskKey()) {
				case "accept" -> "accept";
				case "handle", "decide" -> "approve";
				default -> "";
			};
			approval.complete(staff, task.taskId(), new ApprovalManagement.Decision(decision, "符合条件", Map.of()));
		}
		if (cases.forStaff(id).orElseThrow().status() != CaseManagement.Status.CONCLUDED) {
			throw new AssertionError("not concluded: " + cases.forStaff(id).orElseThrow().status());
		}
		return id;
	}
}
