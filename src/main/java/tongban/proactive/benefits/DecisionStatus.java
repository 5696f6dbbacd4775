package tongban.proactive.benefits;

import tongban.shared.StateGraph;

/**
 * Where a benefit decision stands: offered to a person who confirms with one click (CONFIRM policies), or granted
 * (confirmed, or granted directly by a DIRECT policy). Ineligible people get no decision at all.
 */
public enum DecisionStatus {
	OFFERED,
	GRANTED;

	public static final StateGraph<DecisionStatus> GRAPH = StateGraph.of(DecisionStatus.class)
		.edge(OFFERED, GRANTED, BenefitEvents.BenefitConfirmed.class)
		.build("proactive-benefit-decision-moved");
}
