package tongban.feedback;

import java.util.UUID;

/** Facts about rectification tasks and appeals: each names an edge of {@link RectificationStatus#GRAPH} or {@link AppealStatus#GRAPH}. */
public final class FeedbackEvents {

	private FeedbackEvents() {
	}

	/** 核实 done. */
	public record RectificationVerified(UUID taskId) {
	}

	/** 整改 or 解释 done; a real-name rater is revisited next. */
	public record RectificationDone(UUID taskId, RectificationOutcome outcome) {
	}

	/** 回访 done: the rater may rate once more. */
	public record RaterRevisited(UUID taskId) {
	}

	/** The task's rating was taken out of the statistics by an upheld appeal. */
	public record RatingExcluded(UUID taskId, UUID ratingId) {
	}

	public record AppealUpheld(UUID appealId, UUID ratingId) {
	}

	public record AppealRejected(UUID appealId, UUID ratingId) {
	}
}
