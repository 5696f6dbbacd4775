package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment order as staff and the payee see it: payee's name and bank account masked. */
public record PaymentOrder(UUID id, UUID decisionId, String departmentCode, String policyName, BigDecimal amount, String period,
		String maskedPayee, String maskedAccount, PaymentStatus status, String disbursement, String reference, Instant createdAt,
		Instant handedOverAt, Instant settledAt, String failure) {
}
