package tongban.hall.queue;

import static tongban.hall.TicketStatus.CALLED;
import static tongban.hall.TicketStatus.CANCELLED;
import static tongban.hall.TicketStatus.DONE;
import static tongban.hall.TicketStatus.SERVING;
import static tongban.hall.TicketStatus.SKIPPED;
import static tongban.hall.TicketStatus.WAITING;

import tongban.hall.QueueEvents.TicketCalled;
import tongban.hall.QueueEvents.TicketCancelled;
import tongban.hall.QueueEvents.TicketRecalled;
import tongban.hall.QueueEvents.TicketSkipped;
import tongban.hall.QueueEvents.TicketTransferred;
import tongban.hall.QueueEvents.VisitClosed;
import tongban.hall.QueueEvents.VisitStarted;
import tongban.hall.TicketStatus;
import tongban.shared.StateGraph;

/**
 * Every move a queue number may make and the event it publishes. A move not written here is refused with a conflict of
 * code {@code queue-state} (409: another clerk or the person acted first).
 */
public final class TicketTransitions {

	public static final String CONFLICT_CODE = "queue-state";

	public static final StateGraph<TicketStatus> GRAPH = StateGraph.of(TicketStatus.class)
		// 叫号, 再次呼叫, 过号 and calling a skipped number again
		.edge(WAITING, CALLED, TicketCalled.class)
		.edge(CALLED, CALLED, TicketRecalled.class)
		.edge(CALLED, SKIPPED, TicketSkipped.class)
		.edge(SKIPPED, CALLED, TicketCalled.class)
		// 开始办理, 结束办理
		.edge(CALLED, SERVING, VisitStarted.class)
		.edge(SERVING, DONE, VisitClosed.class)
		// 转窗: back to waiting in another window's series, keeping the place
		.edge(WAITING, WAITING, TicketTransferred.class)
		.edge(CALLED, WAITING, TicketTransferred.class)
		.edge(SERVING, WAITING, TicketTransferred.class)
		.edge(SKIPPED, WAITING, TicketTransferred.class)
		// the person gives the number up
		.edge(WAITING, CANCELLED, TicketCancelled.class)
		.edge(SKIPPED, CANCELLED, TicketCancelled.class)
		.build(CONFLICT_CODE);

	private TicketTransitions() {
	}
}
