package tongban.hotline.web;

/**
 * The ticket form, for the public page and the operator's one-page intake. Coordinates arrive as text and are checked
 * by the server; {@code attachments} only names the file field for error messages (the files come as {@code files}).
 * {@code urgency} is blank on the public form (the category's default applies).
 */
public record TicketForm(String type, String categoryCode, String urgency, String regionCode, String address, String lat,
		String lon, String description, String contactName, String phone, String phoneCode, Boolean publishConsent,
		String attachments) {

	static TicketForm empty(String regionCode) {
		return new TicketForm("COMPLAINT", "", "", regionCode, "", "", "", "", "", "", "", false, null);
	}
}
