package tongban.proactive.lifeevents;

import java.util.UUID;

import tongban.shared.StateGraph;

/**
 * Where a recommendation stands: NEW until the person dismisses it (不再提示) or acts on it (submits a case of the item
 * or of an item of the bundle). Both are ends.
 */
public enum RecommendationStatus {
	NEW, ACTED, DISMISSED;

	/** The person submitted a case of what was recommended. */
	public record RecommendationActed(UUID recommendationId, String caseNumber) {
	}

	/** The person asked not to be told again. */
	public record RecommendationDismissed(UUID recommendationId) {
	}

	public static final StateGraph<RecommendationStatus> GRAPH = StateGraph.of(RecommendationStatus.class)
		.edge(NEW, ACTED, RecommendationActed.class)
		.edge(NEW, DISMISSED, RecommendationDismissed.class)
		.build("proactive-recommendation-state");
}
