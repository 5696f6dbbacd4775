package tongban.proactive.promise;

import java.util.UUID;

/** What happens to a post-approval check, each published by its move in {@link PromiseTransitions}. */
public final class PromiseCheckEvents {

	private PromiseCheckEvents() {
	}

	/** The check's deadline passed with the check not done. */
	public record CheckOverdue(UUID checkId, UUID caseId) {
	}

	/** The promise was found true. */
	public record PromiseConfirmed(UUID checkId, UUID caseId, String checkedBy) {
	}

	/** The promise was found false: the decision is revoked and the breach recorded in the same transaction. */
	public record PromiseBroken(UUID checkId, UUID caseId, String checkedBy) {
	}
}
