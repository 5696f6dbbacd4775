package tongban.privacy;

import tongban.shared.StateGraph;

/**
 * Where a copy of a person's data (个人信息保护法 Art. 45) is: asked for, being prepared, ready to download for seven
 * days, then expired (its file deleted); or failed, when the person may ask again. The moves and the event each publishes
 * are {@link #GRAPH}, drawn in docs/privacy.md.
 */
public enum ExportStatus {
	REQUESTED, PREPARING, READY, EXPIRED, FAILED;

	/** The stable code of a move the graph refuses. */
	public static final String CONFLICT = "privacy-export-moved";

	public static final StateGraph<ExportStatus> GRAPH = StateGraph.of(ExportStatus.class)
		.edge(REQUESTED, PREPARING, ExportStarted.class)
		.edge(PREPARING, READY, ExportReady.class)
		.edge(REQUESTED, FAILED, ExportFailed.class)
		.edge(PREPARING, FAILED, ExportFailed.class)
		.edge(READY, EXPIRED, ExportExpired.class)
		.build(CONFLICT);

	/** Asked for and not yet ready or failed: a second request answers this one. */
	public boolean underWay() {
		return this == REQUESTED || this == PREPARING;
	}
}
