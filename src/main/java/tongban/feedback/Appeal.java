package tongban.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A department's appeal against a bad rating as mistaken or malicious, and the supervisor's decision. */
public record Appeal(UUID id, UUID ratingId, String departmentCode, String regionCode, String ground, String reason, AppealStatus status,
		String filedBy, OffsetDateTime filedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {

	public static final List<String> GROUNDS = List.of("MISTAKEN", "MALICIOUS");
}
