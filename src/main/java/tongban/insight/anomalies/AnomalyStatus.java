package tongban.insight.anomalies;

import java.util.UUID;

import tongban.shared.StateGraph;

/** Where a review of a hit stands: open for the region's supervisors, then cleared or confirmed, each with a reason. */
public enum AnomalyStatus {
	OPEN, CLEARED, CONFIRMED;

	/** A supervisor found the reads in order. */
	public record AnomalyCleared(UUID hitId, String by) {
	}

	/** A supervisor found the reads wrong: the person sees it beside each read. */
	public record AnomalyConfirmed(UUID hitId, String by) {
	}

	/** The moves of a review. */
	public static final StateGraph<AnomalyStatus> GRAPH = StateGraph.of(AnomalyStatus.class)
		.edge(OPEN, CLEARED, AnomalyCleared.class)
		.edge(OPEN, CONFIRMED, AnomalyConfirmed.class)
		.build("insight-anomaly-decided");
}
