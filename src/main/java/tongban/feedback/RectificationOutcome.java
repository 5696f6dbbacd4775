package tongban.feedback;

import java.util.Arrays;
import java.util.Optional;

/** How a department answered a bad rating: it fixed what was wrong, or explained why the request has no legal basis. */
public enum RectificationOutcome {

	/** 整改: what was fixed. */
	RECTIFIED,
	/** 解释: why the rater's request has no legal basis. */
	EXPLAINED;

	/** By name as a form sends it; empty for anything else. */
	public static Optional<RectificationOutcome> parse(String name) {
		return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
	}
}
