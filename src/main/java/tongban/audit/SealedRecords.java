package tongban.audit;

import java.util.Optional;

/**
 * Records kept outside the trail and sealed by its entries (a module writes one chained entry for a batch of records,
 * holding the MAC over the batch, as {@code exchange} does for ranges of read records). {@link AuditTrail#verify()}
 * asks every such bean after the chain itself is found whole.
 */
public interface SealedRecords {

	/** Seals what is waiting to be sealed; called before the check, so that it covers every committed record. */
	default void sealPending() {
	}

	/** The first record that fails, or none. */
	Optional<Failure> firstFailure();

	/**
	 * A failed record: the entry that seals it (none for a record that no entry seals), what failed ({@code problem}, a
	 * key of {@code audit.problem.*}) and the record itself (table and id), when one record can be named.
	 */
	record Failure(Long entryId, String problem, String record) {
	}
}
