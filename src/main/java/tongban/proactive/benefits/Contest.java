package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A contest of a decision, with the staff's answer once given. */
public record Contest(UUID id, UUID decisionId, String departmentCode, String policyName, String reason, ContestStatus status, Instant openedAt,
		String answer, BigDecimal correctedAmount, String answeredBy, Instant answeredAt) {
}
