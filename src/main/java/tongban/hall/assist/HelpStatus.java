package tongban.hall.assist;

import tongban.shared.StateGraph;

/** Where an online-help conversation (线上帮办) stands: waiting for staff, taken by one helper, or closed. */
public enum HelpStatus {
	OPEN, TAKEN, CLOSED;

	/** The moves, each naming the event it publishes. */
	public static final StateGraph<HelpStatus> GRAPH = StateGraph.of(HelpStatus.class)
		.edge(OPEN, TAKEN, AssistEvents.HelpTaken.class)
		.edge(OPEN, CLOSED, AssistEvents.HelpClosed.class)
		.edge(TAKEN, CLOSED, AssistEvents.HelpClosed.class)
		.build("hall-help-moved");
}
