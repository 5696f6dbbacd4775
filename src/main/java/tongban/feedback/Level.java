package tongban.feedback;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five levels of a rating (国办发〔2019〕51号; GB/T 39735-2020): 非常满意, 满意, 基本满意, 不满意, 非常不满意. Good
 * (好评) are the first two, bad (差评) the last two; 基本满意 is neither (see docs/feedback.md).
 */
public enum Level {

	VERY_SATISFIED(5), SATISFIED(4), BASICALLY_SATISFIED(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

	private final int value;

	Level(int value) {
		this.value = value;
	}

	/** 5 for 非常满意 … 1 for 非常不满意, as stored. */
	public int value() {
		return value;
	}

	public boolean good() {
		return value >= 4;
	}

	public boolean bad() {
		return value <= 2;
	}

	public static Level of(int value) {
		return Arrays.stream(values()).filter(l -> l.value == value).findFirst().orElseThrow();
	}

	/** By name (VERY_SATISFIED …); empty for anything else. */
	public static Optional<Level> parse(String name) {
		return name == null ? Optional.empty() : Arrays.stream(values()).filter(l -> l.name().equals(name.strip())).findFirst();
	}
}
