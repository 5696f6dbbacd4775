package tongban.insight.supervision.domain;

import static tongban.insight.SupervisionOrder.Status.ANSWERED;
import static tongban.insight.SupervisionOrder.Status.CLOSED;
import static tongban.insight.SupervisionOrder.Status.ESCALATED;
import static tongban.insight.SupervisionOrder.Status.ISSUED;

import tongban.insight.SupervisionEvents;
import tongban.insight.SupervisionOrder;
import tongban.shared.StateGraph;

/**
 * The moves of a 督办单: the department answers an issued order; the supervisor closes the answered order, sends it back
 * (a new deadline) or escalates it to the city, which may also take an order the department let run past its
 * deadline unanswered; the city's supervisor closes an escalated one.
 */
public final class SupervisionTransitions {

	public static final String CONFLICT_CODE = "supervision-order-moved";

	public static final StateGraph<SupervisionOrder.Status> GRAPH = StateGraph.of(SupervisionOrder.Status.class)
		.edge(ISSUED, ANSWERED, SupervisionEvents.OrderAnswered.class)
		.edge(ANSWERED, CLOSED, SupervisionEvents.OrderClosed.class)
		.edge(ANSWERED, ISSUED, SupervisionEvents.OrderReturned.class)
		.edge(ANSWERED, ESCALATED, SupervisionEvents.OrderEscalated.class)
		.edge(ISSUED, ESCALATED, SupervisionEvents.OrderEscalated.class)
		.edge(ESCALATED, CLOSED, SupervisionEvents.OrderClosed.class)
		.build(CONFLICT_CODE);

	private SupervisionTransitions() {
	}
}
