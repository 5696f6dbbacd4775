package tongban.hall.assist;

import tongban.shared.StateGraph;

/**
 * Where a home visit (上门服务) stands: requested, assigned to staff of the nearest point, visited (identity checked in
 * person, the visit recorded, the confirmation code sent to the person's phone), confirmed by the code the person
 * reads out; or cancelled before the visit.
 */
public enum HomeVisitStatus {
	REQUESTED, ASSIGNED, VISITED, CONFIRMED, CANCELLED;

	/** The moves, each naming the event it publishes. */
	public static final StateGraph<HomeVisitStatus> GRAPH = StateGraph.of(HomeVisitStatus.class)
		.edge(REQUESTED, ASSIGNED, AssistEvents.HomeVisitAssigned.class)
		.edge(ASSIGNED, VISITED, AssistEvents.HomeVisitVisited.class)
		.edge(VISITED, CONFIRMED, AssistEvents.HomeVisitConfirmed.class)
		.edge(REQUESTED, CANCELLED, AssistEvents.HomeVisitCancelled.class)
		.edge(ASSIGNED, CANCELLED, AssistEvents.HomeVisitCancelled.class)
		.build("hall-home-visit-moved");

	/** Whether the visit still lies ahead (it can be cancelled). */
	public boolean ahead() {
		return this == REQUESTED || this == ASSIGNED;
	}
}
