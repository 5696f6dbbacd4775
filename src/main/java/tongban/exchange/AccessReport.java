package tongban.exchange;

import java.time.Instant;
import java.util.UUID;

/** A subject's report of a read they find wrong, for the supervisors of the reading department's region, and its answer. */
public record AccessReport(UUID id, long accessId, String regionCode, String reason, String status, String answer, String answeredBy,
		Instant createdAt, Instant answeredAt, Access access) {
}
