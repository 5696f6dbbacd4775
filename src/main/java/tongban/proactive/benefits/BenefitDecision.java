package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A decision of a batch about one subject for one period: the policy version and the register values that made it
 * (decrypted only for the person and for staff handling their contest), the amount and where it stands.
 */
public record BenefitDecision(UUID id, UUID policyId, int policyVersion, UUID batchId, String payeeIndex, String payeeName, String period,
		LocalDate decidedOn, Map<String, Map<String, String>> valuesUsed, BigDecimal amount, DecisionStatus status, Instant decidedAt,
		Instant confirmedAt, UUID correctedByContest) {
}
