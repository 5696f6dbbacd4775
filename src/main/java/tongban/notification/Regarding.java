package tongban.notification;

import java.util.UUID;

/**
 * What a message is about and whose it is, so its delivery status can be shown on the case's or ticket's page and on
 * the person's 我的消息 (any part may be null).
 */
public record Regarding(UUID caseId, UUID ticketId, UUID accountId) {

	public static final Regarding NOTHING = new Regarding(null, null, null);

	public static Regarding ticket(UUID ticketId) {
		return new Regarding(null, ticketId, null);
	}

	public static Regarding account(UUID accountId) {
		return new Regarding(null, null, accountId);
	}
}
