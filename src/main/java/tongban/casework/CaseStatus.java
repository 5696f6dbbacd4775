package tongban.casework;

import tongban.casework.domain.CaseTransitions;

/**
 * Where a case is in its life. The moves between these statuses, and the event each publishes, are written once in
 * {@link CaseTransitions} and drawn in docs/states/case-status.md.
 */
public enum CaseStatus {
	DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED, IN_REVIEW, APPROVED, DENIED, REFUSED, CONCLUDED, WITHDRAWN;

	/** Before any decision the applicant may withdraw. */
	public boolean withdrawable() {
		return CaseTransitions.GRAPH.allows(this, WITHDRAWN);
	}

	/** Accepted and not yet decided: the statutory clock runs (or stands still in a special procedure). */
	public boolean underway() {
		return this == ACCEPTED || this == IN_REVIEW;
	}

	/** The case's story has ended: no move leaves this status. */
	public boolean finished() {
		return CaseTransitions.GRAPH.terminal().contains(this);
	}
}
