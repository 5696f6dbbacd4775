package tongban.casework;

import java.time.OffsetDateTime;

/** One line of a case's history: what was done, by whom, for which party. */
public record EventView(OffsetDateTime at, String action, String actorName, String partyName, String note) {
}
