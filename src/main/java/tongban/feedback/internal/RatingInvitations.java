package tongban.feedback.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents;
import tongban.casework.CaseOutcome;
import tongban.feedback.CaseRatings;

/**
 * A case concluded (approved and delivered, denied, refused): its applicant is invited to rate it. A withdrawn case is
 * not rated (the applicant ended it). The listener runs after the case's transaction commits, in its own, through the
 * event publication registry, so an invitation is never lost.
 */
@Component
class RatingInvitations {

	private final CaseRatings ratings;

	RatingInvitations(CaseRatings ratings) {
		this.ratings = ratings;
	}

	@ApplicationModuleListener
	void on(CaseEvents.CaseConcluded e) {
		if (e.outcome() != CaseOutcome.WITHDRAWN) {
			ratings.invite(e.caseId().value(), e.caseNumber());
		}
	}
}
