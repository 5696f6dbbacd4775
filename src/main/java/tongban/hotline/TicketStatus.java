package tongban.hotline;

import java.util.EnumSet;
import java.util.Set;

import tongban.hotline.TicketEvents.TicketAnsweredOnCall;
import tongban.hotline.TicketEvents.TicketClosed;
import tongban.hotline.TicketEvents.TicketDispatched;
import tongban.hotline.TicketEvents.TicketMerged;
import tongban.hotline.TicketEvents.TicketReassigned;
import tongban.hotline.TicketEvents.TicketReopened;
import tongban.hotline.TicketEvents.TicketReplied;
import tongban.hotline.TicketEvents.TicketReturned;
import tongban.shared.StateGraph;

/**
 * Where a ticket stands. {@link #GRAPH} holds every move a ticket may make and the event each move publishes; the
 * statuses are stored by name. A revisit's rating (满意度) changes no status: it is an outcome, {@link Satisfaction}.
 */
public enum TicketStatus {

	/** Taken in, waiting for the dispatcher. */
	NEW,
	/** A lead department handles it against the answer limit. */
	DISPATCHED,
	/** The lead department objected: back with the dispatcher. */
	RETURNED,
	/** Answered; the operator closes it. */
	REPLIED,
	/** 办结 (and rated at most once). */
	CLOSED,
	/** A duplicate of another ticket, which it follows. */
	MERGED;

	/** Statuses in which somebody still has to act. */
	public static final Set<TicketStatus> OPEN = EnumSet.of(NEW, DISPATCHED, RETURNED, REPLIED);

	/** Statuses that wait for a dispatcher, against the dispatch limit. */
	public static final Set<TicketStatus> AWAITING_DISPATCH = EnumSet.of(NEW, RETURNED);

	/** The code of a refused move when no step names its own (each step of the services names the one users saw). */
	public static final String CONFLICT = "hotline-ticket-state";

	public static final StateGraph<TicketStatus> GRAPH = StateGraph.of(TicketStatus.class)
		.edge(NEW, DISPATCHED, TicketDispatched.class)
		.edge(RETURNED, DISPATCHED, TicketReassigned.class)
		.edge(DISPATCHED, RETURNED, TicketReturned.class)
		.edge(DISPATCHED, REPLIED, TicketReplied.class)
		.edge(REPLIED, CLOSED, TicketClosed.class)
		.edge(CLOSED, DISPATCHED, TicketReopened.class)
		.edge(NEW, MERGED, TicketMerged.class)
		.edge(RETURNED, MERGED, TicketMerged.class)
		.edge(DISPATCHED, MERGED, TicketMerged.class)
		.edge(NEW, CLOSED, TicketAnsweredOnCall.class)
		.build(CONFLICT);

	public boolean open() {
		return OPEN.contains(this);
	}
}
