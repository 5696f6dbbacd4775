package tongban.hall;

import java.util.UUID;

/**
 * Facts of the queue of a point, published in the transaction that made them: after the commit they reach the display
 * pages on every node as a cluster signal (decision 0043). They carry no personal data, only the number's label and
 * the window's number.
 */
public final class QueueEvents {

	/** Anything that changes what a point's display shows. */
	public sealed interface QueueEvent permits TicketTaken, TicketCalled, TicketRecalled, TicketSkipped, VisitStarted, TicketTransferred,
			VisitClosed, TicketCancelled {

		UUID pointId();
	}

	public record TicketTaken(UUID ticketId, UUID pointId, Series series, String label) implements QueueEvent {
	}

	/** A number called to a window (first call, or a skipped number called again). */
	public record TicketCalled(UUID ticketId, UUID pointId, String label, UUID windowId, String windowNumber) implements QueueEvent {
	}

	/** The same number called again at its window (再次呼叫). */
	public record TicketRecalled(UUID ticketId, UUID pointId, String label, UUID windowId, String windowNumber) implements QueueEvent {
	}

	/** 过号: nobody came; the number may be called again. */
	public record TicketSkipped(UUID ticketId, UUID pointId, String label) implements QueueEvent {
	}

	public record VisitStarted(UUID ticketId, UUID pointId, String label) implements QueueEvent {
	}

	/** Back to waiting, in the series of another window, keeping its place (its taking time). */
	public record TicketTransferred(UUID ticketId, UUID pointId, String label, Series toSeries, UUID toWindowId) implements QueueEvent {
	}

	public record VisitClosed(UUID ticketId, UUID pointId, String label, int cases) implements QueueEvent {
	}

	public record TicketCancelled(UUID ticketId, UUID pointId, String label) implements QueueEvent {
	}

	private QueueEvents() {
	}
}
