package tongban.hall;

/**
 * Where a queue number stands. The moves between these are {@code hall.queue.TicketTransitions}: waiting → called
 * (recalled, skipped and called again) → serving → done; a transfer puts it back to waiting in another series.
 */
public enum TicketStatus {
	WAITING, CALLED, SERVING, DONE, SKIPPED, CANCELLED
}
