package tongban.casework;

import java.time.OffsetDateTime;

/** A material asked for again (补正), with the reason, until the applicant resubmits it. */
public record SupplementView(int materialIndex, String materialName, String reason, OffsetDateTime requestedAt,
		OffsetDateTime resolvedAt) {
}
