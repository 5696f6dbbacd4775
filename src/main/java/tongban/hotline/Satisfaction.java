package tongban.hotline;

import java.util.Arrays;

import tongban.shared.DomainException;

/** What the person said of the answer, on the revisit call or the follow page (满意度). */
public enum Satisfaction {

	SATISFIED("满意"), BASIC("基本满意"), UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	/** The name in the ticket's history. */
	public String label() {
		return label;
	}

	/** The satisfaction by its name as a form sends it; anything else is refused as missing. */
	public static Satisfaction of(String name) {
		return Arrays.stream(values())
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hotline-satisfaction-required", "hotline-satisfaction-required"));
	}
}
