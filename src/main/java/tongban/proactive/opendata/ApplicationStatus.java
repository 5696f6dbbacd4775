package tongban.proactive.opendata;

import java.util.UUID;

import tongban.shared.StateGraph;

/** An application for a 有条件开放 dataset: submitted, then approved (a key issued) or refused with a reason. */
public enum ApplicationStatus {
	SUBMITTED, APPROVED, REFUSED;

	/** Approved by the providing department's admin: a key scoped to the dataset was issued. */
	public record AccessApproved(UUID applicationId, String datasetId, String by) {
	}

	/** Refused by the providing department's admin, with the reason the applicant sees. */
	public record AccessRefused(UUID applicationId, String datasetId, String by, String reason) {
	}

	public static final StateGraph<ApplicationStatus> GRAPH = StateGraph.of(ApplicationStatus.class)
		.edge(SUBMITTED, APPROVED, AccessApproved.class)
		.edge(SUBMITTED, REFUSED, AccessRefused.class)
		.build("opendata-application-decided");
}
