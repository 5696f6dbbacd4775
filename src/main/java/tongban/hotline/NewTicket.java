package tongban.hotline;

import java.math.BigDecimal;
import java.util.List;

import tongban.shared.Upload;

/** What a person (or an operator for them) tells us. {@code urgency} null: the category's default. */
public record NewTicket(String type, String categoryCode, String urgency, String regionCode, String address,
		BigDecimal lat, BigDecimal lon, String description, String contactName, String phone, String phoneCode,
		boolean publishConsent, List<Upload> attachments) {

	public static final List<String> TYPES = List.of("CONSULT", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "PRAISE");
	public static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "GENERAL");
	/** The shortest description that says what the matter is. */
	public static final int MIN_DESCRIPTION = 5;
	/** The longest description: Open311 GeoReport v2 allows "up to 4,000 characters", and so do the platform's forms. */
	public static final int MAX_DESCRIPTION = 4000;

	/** The same ticket with the urgency left to the category (the public does not choose it). */
	public NewTicket withCategoryUrgency() {
		return new NewTicket(type, categoryCode, null, regionCode, address, lat, lon, description, contactName, phone, phoneCode,
				publishConsent, attachments);
	}

	/** The same ticket from a signed-in account: its name and mobile, no code needed. */
	public NewTicket withContact(String name, String mobile) {
		return new NewTicket(type, categoryCode, urgency, regionCode, address, lat, lon, description, name, mobile, null,
				publishConsent, attachments);
	}
}
