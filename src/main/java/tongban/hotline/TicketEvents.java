package tongban.hotline;

/**
 * Facts about tickets, published when a ticket changes status (each one names an edge of {@link TicketStatus#GRAPH}),
 * when a ticket is taken in, and when its reply is published.
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	public record TicketSubmitted(TicketId ticketId, String number, String regionCode) {
	}

	/** 派单: a department now handles the ticket. */
	public record TicketDispatched(TicketId ticketId) {
	}

	/** 重新派单 after the department returned it. */
	public record TicketReassigned(TicketId ticketId) {
	}

	/** The lead department objected to the dispatch. */
	public record TicketReturned(TicketId ticketId) {
	}

	public record TicketReplied(TicketId ticketId) {
	}

	/** 办结. */
	public record TicketClosed(TicketId ticketId) {
	}

	/** 重办: the person was not satisfied, so the same department handles it once more. */
	public record TicketReopened(TicketId ticketId) {
	}

	/** A duplicate closes and follows the answer of {@code into}. */
	public record TicketMerged(TicketId ticketId, TicketId into) {
	}

	/** 当场答复: the operator answered a consultation on the call from a suggested answer ({@link AnswerSuggestions}). */
	public record TicketAnsweredOnCall(TicketId ticketId, String answerRef) {
	}

	/** A closed ticket's reply was published, anonymised ({@link PublicReplies#byNumber}). */
	public record ReplyPublished(TicketId ticketId, String number) {
	}
}
