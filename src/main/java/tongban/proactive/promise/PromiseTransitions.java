package tongban.proactive.promise;

import static tongban.proactive.promise.PromiseCheck.Status.CONFIRMED;
import static tongban.proactive.promise.PromiseCheck.Status.DUE;
import static tongban.proactive.promise.PromiseCheck.Status.FALSE_PROMISE;
import static tongban.proactive.promise.PromiseCheck.Status.OVERDUE;

import tongban.shared.StateGraph;

/**
 * The moves of a post-approval check: a due check is done (属实 or 不实) or runs past its deadline; an overdue one is
 * still done, late. A done check never moves again: a false promise has revoked the decision.
 */
public final class PromiseTransitions {

	public static final String CONFLICT_CODE = "promise-check-moved";

	public static final StateGraph<PromiseCheck.Status> GRAPH = StateGraph.of(PromiseCheck.Status.class)
		.edge(DUE, CONFIRMED, PromiseCheckEvents.PromiseConfirmed.class)
		.edge(DUE, FALSE_PROMISE, PromiseCheckEvents.PromiseBroken.class)
		.edge(DUE, OVERDUE, PromiseCheckEvents.CheckOverdue.class)
		.edge(OVERDUE, CONFIRMED, PromiseCheckEvents.PromiseConfirmed.class)
		.edge(OVERDUE, FALSE_PROMISE, PromiseCheckEvents.PromiseBroken.class)
		.build(CONFLICT_CODE);

	private PromiseTransitions() {
	}
}
