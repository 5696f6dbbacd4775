package tongban.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rating as saved: of a case (online) or a counter visit; {@code round} 2 is a re-rating after rectification. */
public record RatingView(UUID id, Channel channel, UUID caseId, UUID visitId, String subjectLabel, String departmentCode,
		String regionCode, UUID raterAccountId, Level level, Map<String, Integer> scores, List<String> tags, String comment,
		boolean active, int round, UUID replacedBy, boolean excluded, LocalDate month, OffsetDateTime createdAt) {

	/** In the statistics: not excluded by an appeal, not replaced by a re-rating. */
	public boolean counted() {
		return !excluded && replacedBy == null;
	}
}
