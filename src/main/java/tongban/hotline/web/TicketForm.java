package tongban.hotline.web;

/**
 * The ticket form, for the public page and the operator's one-page intake. Coordinates arrive as text and are checked
 * by the server; {@code attachments} only names the file field for error messages (the files come as {@code files}).
 * {@code urgency} is blank on the public form (the category's default applies). Every field is text, so whatever is
 * sent binds and the form is shown again with the field's message (a {@code Boolean} that failed to bind left no form to
 * show, and the page failed).
 */
public record TicketForm(String type, String categoryCode, String urgency, String regionCode, String address, String lat,
		String lon, String description, String contactName, String phone, String phoneCode, String publishConsent,
		String attachments) {

	static TicketForm empty(String regionCode) {
		return new TicketForm("COMPLAINT", "", "", regionCode, "", "", "", "", "", "", "", "", null);
	}
}
