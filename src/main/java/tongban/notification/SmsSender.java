package tongban.notification;

import java.util.Arrays;
import java.util.List;

/**
 * Hands one text message to an SMS centre. Throws {@link SmsRefused} when the message is not taken (for now or for
 * good); any other exception counts as a refusal for now.
 */
public interface SmsSender {

	Handover send(String mobile, String text);

	/**
	 * As {@link #send}, but only when the centre's allowance lets the message go without waiting for its turn: null
	 * when it would have to wait (it is then left to the queue). For a message handed over in a person's request.
	 */
	default Handover sendIfFree(String mobile, String text) {
		return send(mobile, text);
	}

	/**
	 * False when no SMS centre is configured at all: messages are then not handed to this sender but wait in the queue
	 * (a node of a cluster that has one takes them; once one is configured they go).
	 */
	default boolean configured() {
		return true;
	}

	/**
	 * What the SMS centre answered: its reference when a delivery receipt will follow, null when none will. A text sent
	 * in several parts has the message ids of its parts, in order, separated by commas.
	 */
	record Handover(String carrierRef) {

		public static final Handover NO_RECEIPT = new Handover(null);

		/** The hand-over of a text sent as these parts, by the message ids the SMS centre gave them. */
		public static Handover ofParts(List<String> messageIds) {
			return new Handover(String.join(",", messageIds));
		}

		/** The message ids of the parts (one for a text sent whole), empty when no receipt will follow. */
		public List<String> references() {
			return carrierRef == null ? List.of() : Arrays.stream(carrierRef.split(",")).map(String::strip).toList();
		}
	}
}
