package tongban.hotline;

import java.util.UUID;

/**
 * Who submits: a channel, the signed-in account if any, a name for the record, whether the phone is already confirmed
 * (signed-in account, operator on the call, trusted Open311 client), the Open311 client, and for a letter to a
 * 领导信箱 the department whose head it is addressed to.
 */
public record TicketSource(String channel, UUID accountId, String actorName, boolean phoneConfirmed, String apiClient,
		String addressee) {

	/** The channel of an operator taking a call: the caller's number may be a landline. */
	public static final String PHONE = "PHONE";

	/** The channel of a letter to a department head's or the district head's mailbox (领导信箱, 网络问政). */
	public static final String MAILBOX = "MAILBOX";

	public TicketSource(String channel, UUID accountId, String actorName, boolean phoneConfirmed, String apiClient) {
		this(channel, accountId, actorName, phoneConfirmed, apiClient, null);
	}

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

	/**
	 * A letter to the mailbox of {@code departmentCode}'s head: from a signed-in account ({@code accountId} and its name),
	 * or anonymous ({@code accountId} null) with the phone confirmed by a code sent for
	 * {@link PhoneConfirmation.Purpose#MAILBOX}.
	 */
	public static TicketSource mailbox(String departmentCode, UUID accountId, String name) {
		return new TicketSource(MAILBOX, accountId, accountId == null ? "群众" : name, accountId != null, null, departmentCode);
	}

	/** What the phone code of an anonymous submitter was sent for. */
	PhoneConfirmation.Purpose codePurpose() {
		return MAILBOX.equals(channel) ? PhoneConfirmation.Purpose.MAILBOX : PhoneConfirmation.Purpose.TICKET;
	}

	/** The first line of the ticket's history. */
	String note() {
		return switch (channel) {
			case PHONE -> "12345热线来电";
			case "OPEN311" -> "开放接口提交";
			case MAILBOX -> "领导信箱来信";
			default -> "网上提交";
		};
	}
}
