package tongban.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A line of a list of cases (我的办件, a bundle); the status by its {@link CaseStatus} name. */
public record CaseSummary(CaseId id, String caseNumber, String itemName, String status, OffsetDateTime updatedAt,
		LocalDate promisedDate) {

	public boolean draft() {
		return CaseStatus.DRAFT.name().equals(status);
	}
}
