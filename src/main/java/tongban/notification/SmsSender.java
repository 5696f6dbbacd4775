package tongban.notification;

/**
 * Hands one text message to an SMS centre. Throws {@link SmsRefused} when the message is not taken (for now or for
 * good); any other exception counts as a refusal for now.
 */
public interface SmsSender {

	Handover send(String mobile, String text);

	/** What the SMS centre answered: its reference when a delivery receipt will follow, null when none will. */
	record Handover(String carrierRef) {

		public static final Handover NO_RECEIPT = new Handover(null);
	}
}
