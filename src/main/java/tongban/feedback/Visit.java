package tongban.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A visit to a counter window that its QR code lets the visitor rate once. */
public record Visit(UUID id, String token, String clerkName, String departmentCode, String regionCode, String windowLabel,
		OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean rated) {

	public boolean expired(Instant now) {
		return expiresAt.toInstant().isBefore(now);
	}
}
