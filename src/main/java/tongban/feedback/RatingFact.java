package tongban.feedback;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the indicators need to know about one rating, read from feedback's own records: whose it is (department, region,
 * the case it rated: null for a rating of a counter visit), its level, the day it was given (Asia/Shanghai), whether it
 * is in the statistics (not excluded by an appeal, not replaced by a re-rating) and, for a bad one, whether its
 * rectification was done within its limit (GB/T 39734 差评整改率).
 */
public record RatingFact(UUID ratingId, String departmentCode, String regionCode, UUID caseId, Level level, LocalDate day,
		boolean counted, boolean rectifiedInTime) {
}
