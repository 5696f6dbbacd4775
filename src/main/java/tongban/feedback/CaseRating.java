package tongban.feedback;

import java.util.List;
import java.util.UUID;

import tongban.casework.CaseStatus;

/** A case as its rater sees it on the rating page. */
public record CaseRating(UUID caseId, String caseNumber, String itemName, CaseStatus status, boolean concluded,
		List<RatingView> ratings, boolean mayRate, int round) {
}
