package tongban.approval;

import java.util.Arrays;
import java.util.Optional;

/** What staff do to a case's clock from its task: start or end a 特别程序 (Art. 45), or extend the limit (Art. 42). */
public enum ClockAction {
	SPECIAL_START("special-start"), SPECIAL_END("special-end"), EXTEND("extend");

	private final String word;

	ClockAction(String word) {
		this.word = word;
	}

	/** The word the task page's form sends. */
	public String word() {
		return word;
	}

	/** The action a form sent; empty for a word that names none (then the action is refused with {@code decision-invalid}). */
	public static Optional<ClockAction> of(String word) {
		return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst();
	}
}
