package tongban.hall.assist;

import java.util.Optional;

/** What a person or helper types: a message or a note, length-limited, no control characters but line breaks. */
public final class AssistText {

	/** The longest message of a conversation. */
	public static final int MESSAGE_MAX = 500;

	private AssistText() {
	}

	/** The message key of what is wrong with the text, or empty when it may be kept. */
	public static Optional<String> problem(String text, int max) {
		if (text == null || text.isBlank()) {
			return Optional.of("hall.assist.error.text.empty");
		}
		if (text.strip().length() > max) {
			return Optional.of("hall.assist.error.text.long");
		}
		boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
		return control ? Optional.of("hall.assist.error.text.control") : Optional.empty();
	}
}
