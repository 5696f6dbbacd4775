package tongban.feedback;

import java.util.EnumSet;
import java.util.Set;

import tongban.feedback.FeedbackEvents.RaterRevisited;
import tongban.feedback.FeedbackEvents.RatingExcluded;
import tongban.feedback.FeedbackEvents.RectificationDone;
import tongban.feedback.FeedbackEvents.RectificationVerified;
import tongban.shared.StateGraph;

/**
 * Where a rectification task (差评整改) stands: verify, then rectify or explain, then revisit a real-name rater. An
 * upheld appeal takes the task out of the statistics at any step. {@link #GRAPH} holds every move and its event.
 */
public enum RectificationStatus {

	/** 核实: the department checks the rating. */
	VERIFYING,
	/** 整改 or 解释. */
	RECTIFYING,
	/** 回访 of a real-name rater. */
	REVISITING,
	CLOSED,
	/** Out of the statistics: the rating's appeal was upheld. */
	EXCLUDED;

	/** Statuses in which the department still has a step to take. */
	public static final Set<RectificationStatus> OPEN = EnumSet.of(VERIFYING, RECTIFYING, REVISITING);

	/** The code users see when a step is not the task's current one. */
	public static final String CONFLICT = "rectification-state";

	public static final StateGraph<RectificationStatus> GRAPH = StateGraph.of(RectificationStatus.class)
		.edge(VERIFYING, RECTIFYING, RectificationVerified.class)
		.edge(RECTIFYING, REVISITING, RectificationDone.class)
		.edge(RECTIFYING, CLOSED, RectificationDone.class)
		.edge(REVISITING, CLOSED, RaterRevisited.class)
		.edge(VERIFYING, EXCLUDED, RatingExcluded.class)
		.edge(RECTIFYING, EXCLUDED, RatingExcluded.class)
		.edge(REVISITING, EXCLUDED, RatingExcluded.class)
		.edge(CLOSED, EXCLUDED, RatingExcluded.class)
		.build(CONFLICT);

	public boolean open() {
		return OPEN.contains(this);
	}
}
