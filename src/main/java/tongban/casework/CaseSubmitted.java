package tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case was submitted (一网通办): the approval module starts the item's process on it. */
public record CaseSubmitted(CaseId caseId, String caseNumber, String itemCode, int itemVersion, String departmentCode,
		Instant submittedAt, String itemName, LocalDate promisedDate, UUID applicantAccountId) {
}
