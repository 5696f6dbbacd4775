package tongban.proactive.opendata;

import tongban.shared.StateGraph;

/**
 * A dataset's status: a draft is not public; a published one is listed, downloadable and served by the API; a withdrawn
 * one keeps its page (saying it was withdrawn) but nothing of its data. A withdrawn dataset may be published again.
 */
public enum DatasetStatus {
	DRAFT, PUBLISHED, WITHDRAWN;

	/** Published by the providing department's admin. */
	public record DatasetPublished(String datasetId, String by) {
	}

	/** Withdrawn by the providing department's admin, with a reason. */
	public record DatasetWithdrawn(String datasetId, String by, String reason) {
	}

	public static final StateGraph<DatasetStatus> GRAPH = StateGraph.of(DatasetStatus.class)
		.edge(DRAFT, PUBLISHED, DatasetPublished.class)
		.edge(PUBLISHED, WITHDRAWN, DatasetWithdrawn.class)
		.edge(WITHDRAWN, PUBLISHED, DatasetPublished.class)
		.build("opendata-dataset-moved");
}
