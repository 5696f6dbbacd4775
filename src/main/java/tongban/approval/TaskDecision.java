package tongban.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff member decides at a task: 受理, 补正, 不予受理 (at 受理 or 即办), 准予 or 不予 (at 即办 or 决定). The web form and
 * the API send the lower-case word, which is also what the BPMN templates' gateways read ({@code ${decision == 'deny'}}).
 */
public enum TaskDecision {
	ACCEPT("accept"), SUPPLEMENT("supplement"), REFUSE("refuse"), APPROVE("approve"), DENY("deny");

	private final String word;

	TaskDecision(String word) {
		this.word = word;
	}

	/** The word the form sends and the process reads. */
	public String word() {
		return word;
	}

	/**
	 * The decision a form or request sent; empty for none and for a word no step takes (then a step that needs a
	 * decision refuses the completion with {@code decision-invalid}).
	 */
	public static Optional<TaskDecision> of(String word) {
		return Arrays.stream(values()).filter(d -> d.word.equals(word)).findFirst();
	}
}
