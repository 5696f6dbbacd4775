package tongban.insight;

import java.util.LinkedHashMap;
import java.util.Map;

import tongban.shared.DomainException;

/** Input refused by the insight module: message keys by field, in the order the fields appear. */
public class InvalidInsightInput extends DomainException {

	private final Map<String, String> problems;

	public InvalidInsightInput(Map<String, String> problems) {
		super(Kind.INVALID, "insight-invalid", "invalid: " + problems.keySet());
		this.problems = new LinkedHashMap<>(problems);
	}

	public Map<String, String> problems() {
		return Map.copyOf(problems);
	}

	/** The problems in field order (for the error summary). */
	public Map<String, String> ordered() {
		return new LinkedHashMap<>(problems);
	}
}
