package tongban.hotline;

import java.time.OffsetDateTime;

/** One step in a ticket's history: what was done, by whom, for which department; {@code visible} to the submitter. */
public record TicketLogEntry(OffsetDateTime at, String action, String actor, String department, String note, boolean visible) {
}
