package tongban.identity;

import java.util.UUID;

import tongban.shared.StateGraph;

/**
 * Where a person's consent to one purpose stands. {@code NONE} is the start (nothing recorded); consent is given,
 * renewed under a new version of the privacy notice, withdrawn (个人信息保护法 Art. 15) and given again. Every move is
 * a new row of the ledger, so the history of a consent is kept.
 */
public enum ConsentStatus {
	NONE, GIVEN, WITHDRAWN;

	/** Consent was given, first or again after a withdrawal. */
	public record ConsentGiven(UUID accountId, ProcessingPurpose purpose, String noticeVersion, ConsentChannel channel) {
	}

	/** The person agreed to a new version of the privacy notice. */
	public record ConsentRenewed(UUID accountId, ProcessingPurpose purpose, String noticeVersion, ConsentChannel channel) {
	}

	/** The person withdrew consent: processing for the purpose stops from now on. */
	public record ConsentWithdrawn(UUID accountId, ProcessingPurpose purpose, String noticeVersion, ConsentChannel channel) {
	}

	public static final StateGraph<ConsentStatus> GRAPH = StateGraph.of(ConsentStatus.class)
		.edge(NONE, GIVEN, ConsentGiven.class)
		.edge(GIVEN, GIVEN, ConsentRenewed.class)
		.edge(GIVEN, WITHDRAWN, ConsentWithdrawn.class)
		.edge(NONE, WITHDRAWN, ConsentWithdrawn.class)
		.edge(WITHDRAWN, GIVEN, ConsentGiven.class)
		.build("privacy-consent-state");
}
