package tongban.hall.assist;

import java.util.UUID;

/** The facts of 帮办代办, published by the moves of {@link HelpStatus#GRAPH} and {@link HomeVisitStatus#GRAPH}. */
public final class AssistEvents {

	private AssistEvents() {
	}

	public record HelpTaken(UUID conversationId, UUID helperAccountId) {
	}

	public record HelpClosed(UUID conversationId) {
	}

	public record HomeVisitAssigned(UUID visitId, UUID staffAccountId, UUID pointId) {
	}

	public record HomeVisitVisited(UUID visitId, UUID caseId) {
	}

	public record HomeVisitConfirmed(UUID visitId) {
	}

	public record HomeVisitCancelled(UUID visitId) {
	}
}
