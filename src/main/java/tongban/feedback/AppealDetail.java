package tongban.feedback;

/** A supervisor's view of an appeal: with its rating. */
public record AppealDetail(Appeal appeal, RatingView rating) {
}
