package tongban.openness.domain;

import tongban.openness.domain.ConsultationEvents.CommentHeld;
import tongban.openness.domain.ConsultationEvents.CommentPublished;
import tongban.shared.StateGraph;

/** Where a comment stands in moderation: only published comments are public; a held one keeps its reason. */
public enum CommentStatus {

	/** Sent, waiting for the editor; the commenter sees it as 待审核. */
	PENDING,
	/** Shown on the consultation's page. */
	PUBLISHED,
	/** Not shown, with the editor's reason (the commenter sees the reason). */
	HELD;

	public static final String CONFLICT = "openness-consult-comment-state";

	public static final StateGraph<CommentStatus> GRAPH = StateGraph.of(CommentStatus.class)
		.edge(PENDING, PUBLISHED, CommentPublished.class)
		.edge(PENDING, HELD, CommentHeld.class)
		.edge(HELD, PUBLISHED, CommentPublished.class)
		.build(CONFLICT);
}
