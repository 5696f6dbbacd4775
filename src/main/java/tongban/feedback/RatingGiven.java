package tongban.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating was saved: given online for a case ({@code caseId}), at a counter visit ({@code caseId} null), as a re-rating
 * after rectification ({@code round} 2) or by default for a case left unrated ({@code defaulted}). Unlike
 * {@link RatingCounted}, which also follows re-counts, exclusions and rectifications, it is published once per rating,
 * where the row is inserted; it carries no rater and no comment.
 */
public record RatingGiven(UUID ratingId, UUID caseId, String departmentCode, Channel channel, Level level, int round, boolean defaulted,
		Instant givenAt) {
}
