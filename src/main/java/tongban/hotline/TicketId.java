package tongban.hotline;

import java.util.UUID;

/** A ticket's identity at the module's boundary; its text is the UUID's, so links and forms read as before. */
public record TicketId(UUID value) {

	public TicketId {
		if (value == null) {
			throw new IllegalArgumentException("a ticket id needs a value");
		}
	}

	/** The id of this UUID, or null for null (a ticket not merged into another has none). */
	public static TicketId ofNullable(UUID value) {
		return value == null ? null : new TicketId(value);
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
