package tongban.proactive.promise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A post-approval check (核查) of a case approved under a 告知承诺: due within the item's deadline in working days, done
 * by the item's department, ending confirmed (属实) or as a false promise (不实).
 */
public record PromiseCheck(UUID id, UUID caseId, String caseNumber, String itemCode, String itemName, String departmentCode,
		String partyKind, UUID partyId, String partyName, UUID applicantAccountId, int promiseVersion, List<String> replaced,
		LocalDate dueOn, Status status, String findings, String checkedBy, OffsetDateTime checkedAt, long lockVersion) {

	/** Where a check is: the moves between these are {@link PromiseTransitions#GRAPH}. */
	public enum Status {
		/** Sampled and waiting for the department's check. */
		DUE,
		/** Past its deadline and not yet done (marked by the nightly pass); still to be done. */
		OVERDUE,
		/** The promise was found true. */
		CONFIRMED,
		/** The promise was found false: the decision revoked, the breach recorded. */
		FALSE_PROMISE;

		/** Still to be done. */
		public boolean open() {
			return this == DUE || this == OVERDUE;
		}
	}

	public PromiseCheck {
		replaced = replaced == null ? List.of() : List.copyOf(replaced);
	}
}
