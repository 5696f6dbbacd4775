package tongban.openness.domain;

import tongban.openness.domain.ConsultationEvents.ConsultationPublished;
import tongban.openness.domain.ConsultationEvents.ConsultationReported;
import tongban.openness.domain.ConsultationEvents.ConsultationReturned;
import tongban.openness.domain.ConsultationEvents.ConsultationSubmitted;
import tongban.shared.StateGraph;

/**
 * Where a consultation stands in the department's hands. Whether a published one is upcoming, open or closed is not a
 * status: it follows from its dates and the clock ({@link ConsultationPhase}).
 */
public enum ConsultationStatus {

	/** The editor writes it. */
	DRAFT,
	/** With an INFO_REVIEWER of the department (not its author). */
	IN_REVIEW,
	/** Public: upcoming, open or closed by its dates. */
	PUBLISHED,
	/** Closed, with its 意见采纳情况 published. */
	REPORTED;

	public static final String CONFLICT = "openness-consultation-state";

	public static final StateGraph<ConsultationStatus> GRAPH = StateGraph.of(ConsultationStatus.class)
		.edge(DRAFT, IN_REVIEW, ConsultationSubmitted.class)
		.edge(IN_REVIEW, DRAFT, ConsultationReturned.class)
		.edge(IN_REVIEW, PUBLISHED, ConsultationPublished.class)
		.edge(PUBLISHED, REPORTED, ConsultationReported.class)
		.build(CONFLICT);

	/** Whether the public sees it. */
	public boolean isPublic() {
		return this == PUBLISHED || this == REPORTED;
	}
}
