package tongban.proactive.benefits;

import tongban.shared.StateGraph;

/** A person's contest of a decision (个人信息保护法 第二十四条): open until staff uphold or dismiss it with an answer. */
public enum ContestStatus {
	OPEN,
	UPHELD,
	DISMISSED;

	public static final StateGraph<ContestStatus> GRAPH = StateGraph.of(ContestStatus.class)
		.edge(OPEN, UPHELD, BenefitEvents.ContestUpheld.class)
		.edge(OPEN, DISMISSED, BenefitEvents.ContestDismissed.class)
		.build("proactive-benefit-contest-answered");
}
