package tongban.casework;

import tongban.casework.domain.CaseTransitions;

/**
 * Where a case is in its life. The moves between these statuses, and the event each publishes, are written once in
 * {@link CaseTransitions} and drawn in docs/states/case-status.md.
 */
public enum CaseStatus {
	DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED, IN_REVIEW, APPROVED, DENIED, REFUSED, CONCLUDED, WITHDRAWN,
	/** The grant was revoked after the decision (撤销, e.g. a false 告知承诺 found by the post-approval check). */
	REVOKED;

	/** Before any decision the applicant may withdraw. */
	public boolean withdrawable() {
		return CaseTransitions.GRAPH.allows(this, WITHDRAWN);
	}

	/** Accepted and not yet decided: the statutory clock runs (or stands still in a special procedure). */
	public boolean underway() {
		return this == ACCEPTED || this == IN_REVIEW;
	}

	/** The case's story has ended: no move leaves this status but the revocation of its decision (撤销) later. */
	public boolean finished() {
		return CaseTransitions.GRAPH.next(this).stream().allMatch(next -> next == REVOKED);
	}
}
