package tongban.feedback;

import java.util.Optional;

/** A task with its rating and appeal, for the department's pages. */
public record TaskDetail(RectificationTask task, RatingView rating, Optional<Appeal> appeal) {
}
