package tongban.proactive.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import tongban.proactive.promise.PromiseCheck.Status;

/** A check is done once, on time or late; a done check never moves; every edge names an event of the checks. */
class PromiseTransitionsTest {

	@Test
	void openChecksAreDoneOnceAndDoneChecksNeverMove() {
		assertThat(PromiseTransitions.GRAPH.terminal()).containsExactlyInAnyOrder(Status.CONFIRMED, Status.FALSE_PROMISE);
		assertThat(PromiseTransitions.GRAPH.sources(Status.FALSE_PROMISE)).containsExactlyInAnyOrder(Status.DUE, Status.OVERDUE);
		assertThat(PromiseTransitions.GRAPH.sources(Status.CONFIRMED)).containsExactlyInAnyOrder(Status.DUE, Status.OVERDUE);
		assertThat(PromiseTransitions.GRAPH.allows(Status.OVERDUE, Status.DUE)).as("an overdue check does not become due again").isFalse();
		assertThat(Arrays.stream(Status.values()).filter(Status::open)).containsExactlyInAnyOrder(Status.DUE, Status.OVERDUE);
	}

	@Test
	void everyEdgeNamesAnEventOfTheChecks() {
		var events = Arrays.stream(PromiseCheckEvents.class.getDeclaredClasses()).map(Class::getSimpleName).toList();
		assertThat(PromiseTransitions.GRAPH.edges()).allSatisfy(edge -> assertThat(events).contains(edge.event()));
	}
}
