package tongban.insight;

import java.util.UUID;

/** What happens to a 督办单, published along the edges of its status graph (after commit, for listeners). */
public final class SupervisionEvents {

	private SupervisionEvents() {
	}

	/** An order was issued (by a rule or by hand); {@code card} is null for a manual one. */
	public record OrderIssued(UUID orderId, String number, String departmentCode, SupervisionOrder.Rule rule,
			SupervisionOrder.Card card) {
	}

	/** The department answered with its measures. */
	public record OrderAnswered(UUID orderId, String number, String departmentCode) {
	}

	/** The supervisor accepted the answer. */
	public record OrderClosed(UUID orderId, String number, String departmentCode) {
	}

	/** Passed to the next level (the city). */
	public record OrderEscalated(UUID orderId, String number, String departmentCode, String escalatedTo) {
	}

	/** The answer was not enough: back to the department with a new deadline. */
	public record OrderReturned(UUID orderId, String number, String departmentCode) {
	}
}
