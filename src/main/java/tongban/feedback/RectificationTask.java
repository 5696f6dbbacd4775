package tongban.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A department's task to answer a bad rating, with its deadlines and what was done at each step. */
public record RectificationTask(UUID id, UUID ratingId, String departmentCode, String regionCode, RectificationStatus status,
		LocalDate openedOn, LocalDate verifyDue, LocalDate rectifyDue, OffsetDateTime verifiedAt, String verifiedBy, String verification,
		OffsetDateTime rectifiedAt, String rectifiedBy, RectificationOutcome outcome, String rectification, Boolean onTime,
		OffsetDateTime revisitedAt, String revisitedBy, String revisitNote) {

	/** Past the deadline of the step it waits at. */
	public boolean overdue(LocalDate today) {
		return status == RectificationStatus.VERIFYING && today.isAfter(verifyDue)
				|| (status == RectificationStatus.VERIFYING || status == RectificationStatus.RECTIFYING) && today.isAfter(rectifyDue);
	}

	public boolean open() {
		return status.open();
	}
}
