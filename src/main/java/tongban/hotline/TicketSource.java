package tongban.hotline;

import java.util.UUID;

/**
 * Who submits: a channel, the signed-in account if any, a name for the record, whether the phone is already confirmed
 * (signed-in account, operator on the call, trusted Open311 client) and the Open311 client.
 */
public record TicketSource(String channel, UUID accountId, String actorName, boolean phoneConfirmed, String apiClient) {

	/** The channel of an operator taking a call: the caller's number may be a landline. */
	public static final String PHONE = "PHONE";

	public static TicketSource anonymous() {
		return new TicketSource("WEB", null, "群众", false, null);
	}

	public static TicketSource account(UUID accountId, String name) {
		return new TicketSource("WEB", accountId, name, true, null);
	}

	public static TicketSource operator(String name) {
		return new TicketSource(PHONE, null, name, true, null);
	}

	public static TicketSource open311(String client, boolean verifiesPhone) {
		return new TicketSource("OPEN311", null, client, verifiesPhone, client);
	}

	/** The first line of the ticket's history. */
	String note() {
		return switch (channel) {
			case PHONE -> "12345热线来电";
			case "OPEN311" -> "开放接口提交";
			default -> "网上提交";
		};
	}
}
