package tongban.proactive.benefits;

import java.time.Instant;
import java.util.UUID;

/** One batch run of a policy: who started it, when, how many records it read, how many were eligible, how many it decided anew. */
public record BatchRun(UUID id, UUID policyId, int policyVersion, String policyName, String period, String startedBy, Instant startedAt,
		Instant finishedAt, String status, long read, long eligible, long granted, Long durationMillis, String problem) {
}
