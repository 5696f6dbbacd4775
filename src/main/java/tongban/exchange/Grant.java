package tongban.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A department's grant to read fields of another department's resource, for a purpose on a legal basis, until a date:
 * REQUESTED, GRANTED, DENIED or REVOKED.
 */
public record Grant(UUID id, String resourceCode, String consumerDepartmentCode, List<String> fields, String purpose, String legalBasis,
		String status, LocalDate validUntil, String requestedBy, String decidedBy, Instant decidedAt, String reason, Instant createdAt) {

	public boolean inForce(LocalDate today) {
		return status.equals("GRANTED") && !today.isAfter(validUntil);
	}

	/** GRANTED, or EXPIRED for a grant past its date; otherwise the status as stored. */
	public String state(LocalDate today) {
		return status.equals("GRANTED") && today.isAfter(validUntil) ? "EXPIRED" : status;
	}
}
