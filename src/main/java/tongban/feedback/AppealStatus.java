package tongban.feedback;

import tongban.feedback.FeedbackEvents.AppealRejected;
import tongban.feedback.FeedbackEvents.AppealUpheld;
import tongban.shared.StateGraph;

/** An appeal against a bad rating: pending until a supervisor of the region decides; {@link #GRAPH} holds the moves. */
public enum AppealStatus {

	PENDING, UPHELD, REJECTED;

	/** The code users see when the appeal was decided already. */
	public static final String CONFLICT = "appeal-state";

	public static final StateGraph<AppealStatus> GRAPH = StateGraph.of(AppealStatus.class)
		.edge(PENDING, UPHELD, AppealUpheld.class)
		.edge(PENDING, REJECTED, AppealRejected.class)
		.build(CONFLICT);
}
