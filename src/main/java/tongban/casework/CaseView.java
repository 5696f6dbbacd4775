package tongban.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case as the applicant and staff see it: its filing, form values, materials, history, supplements and pauses. */
public record CaseView(CaseId id, String caseNumber, String itemCode, int itemVersion, String itemName, String departmentCode,
		CaseStatus status, Map<String, Object> values, List<MaterialView> materials, List<EventView> events, LocalDate promisedDate,
		OffsetDateTime submittedAt, String partyName, String applicantName, long lockVersion, UUID submitToken, String acceptanceNo,
		OffsetDateTime acceptedAt, List<SupplementView> supplements, UUID applicantAccountId, List<PauseView> pauses,
		int extensionDays) {

	/** Materials asked for in the open supplement request. */
	public List<SupplementView> openSupplements() {
		return supplements.stream().filter(x -> x.resolvedAt() == null).toList();
	}

	/** Whether a special procedure stops the case's clock now. */
	public boolean paused() {
		return pauses.stream().anyMatch(p -> p.endedOn() == null);
	}

	/** Whether the applicant chose to receive the result by post (a 领取方式 such as 免费邮寄). */
	public boolean byPost() {
		Object delivery = values == null ? null : values.get("delivery");
		return delivery != null && delivery.toString().contains("邮寄");
	}

	/** Whether the applicant chose to collect the result at a window (窗口领取): one more visit, measured. */
	public boolean collectedAtWindow() {
		Object delivery = values == null ? null : values.get("delivery");
		return delivery != null && delivery.toString().contains("窗口");
	}
}
