package tongban.hall;

/** Where a queue number stands. The calling part owns the moves between these (a transition table). */
public enum TicketStatus {
	WAITING, CALLED, SERVING, DONE, SKIPPED, CANCELLED
}
