package tongban.hall.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tongban.hall.QueueTicket;
import tongban.hall.Series;

/**
 * 叫号顺序 at one window: the green channel (G) first at every window; then, of the window's own series, people with an
 * appointment whose slot has started; then everybody else by their place (the taking time, kept on a transfer) and
 * number. A number transferred to one window is called only there. The same order gives a waiting person their
 * position, so what the page tells them is what the clerk's button does.
 */
public final class CallOrder {

	private CallOrder() {
	}

	/** Whether a window calling {@code windowSeries} may call this waiting number. */
	public static boolean callableAt(QueueTicket ticket, UUID windowId, Series windowSeries) {
		boolean series = ticket.waitingSeries() == Series.G || ticket.waitingSeries() == windowSeries;
		return series && (ticket.targetWindowId() == null || ticket.targetWindowId().equals(windowId));
	}

	/** The order in which waiting numbers are called at {@code now}. */
	public static Comparator<QueueTicket> order(Instant now) {
		return Comparator.<QueueTicket, Boolean>comparing(ticket -> !ticket.waitingSeries().priority())
			.thenComparing(ticket -> !(ticket.slotStart() != null && !ticket.slotStart().isAfter(now)))
			.thenComparing(QueueTicket::placeAt)
			.thenComparing(QueueTicket::number);
	}

	/** The next number a window calls of the waiting ones, if any. */
	public static Optional<QueueTicket> next(List<QueueTicket> waiting, UUID windowId, Series windowSeries, Instant now) {
		return waiting.stream().filter(ticket -> callableAt(ticket, windowId, windowSeries)).min(order(now));
	}
}
