package tongban.openness.domain;

import tongban.openness.PublicationRetracted;
import tongban.shared.StateGraph;

/**
 * A policy's 时效: in force, or no longer, for one of three reasons. Each move away from {@link #VALID} publishes
 * {@link PublicationRetracted}; none comes back (a policy revived is a new document).
 */
public enum Validity {
	/** 有效. */
	VALID,
	/** 失效: its period ended. */
	EXPIRED,
	/** 废止: repealed. */
	REPEALED,
	/** 已修订: replaced by another document, which it links to. */
	AMENDED;

	public static final StateGraph<Validity> GRAPH = StateGraph.of(Validity.class)
		.edge(VALID, EXPIRED, PublicationRetracted.class)
		.edge(VALID, REPEALED, PublicationRetracted.class)
		.edge(VALID, AMENDED, PublicationRetracted.class)
		.build("openness-validity-state");

	/** Why the publication stopped being current, for {@link PublicationRetracted}. */
	public PublicationRetracted.Reason reason() {
		return switch (this) {
			case EXPIRED -> PublicationRetracted.Reason.EXPIRED;
			case REPEALED -> PublicationRetracted.Reason.REPEALED;
			case AMENDED -> PublicationRetracted.Reason.SUPERSEDED;
			case VALID -> throw new IllegalStateException("a valid policy is not retracted");
		};
	}
}
