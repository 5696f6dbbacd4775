package tongban.feedback;

import java.util.UUID;

/**
 * What a rating adds to the statistics changed: it was given, replaced by a re-rating, excluded by an upheld appeal, or
 * its rectification was opened or done. Listeners read the rating again ({@link RatingFacts#of}) rather than trust an
 * order of events.
 */
public record RatingCounted(UUID ratingId) {
}
