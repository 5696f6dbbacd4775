package tongban.feedback;

import java.util.Map;

import tongban.shared.DomainException;

/** Input refused: message keys by field (level, score-overall …, tags, comment, note, ground, reason, outcome). */
public class InvalidFeedback extends DomainException {

	private final Map<String, String> problems;

	public InvalidFeedback(Map<String, String> problems) {
		super(Kind.INVALID, "rating-invalid", "invalid: " + problems.keySet());
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}
}
