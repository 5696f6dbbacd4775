package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateGraphTest {

	enum Door {
		OPEN, CLOSED, LOCKED, BROKEN
	}

	record DoorClosed() {
	}

	private final StateGraph<Door> graph = StateGraph.of(Door.class)
		.edge(Door.OPEN, Door.CLOSED, DoorClosed.class)
		.edge(Door.CLOSED, Door.OPEN, "DoorOpened")
		.edge(Door.CLOSED, Door.LOCKED, "DoorLocked")
		.edge(Door.LOCKED, Door.BROKEN, "DoorBroken")
		.build("door-state");

	@Test
	void answersTheMovesItHolds() {
		assertThat(graph.require(Door.OPEN, Door.CLOSED).event()).isEqualTo("DoorClosed");
		assertThat(graph.allows(Door.CLOSED, Door.LOCKED)).isTrue();
		assertThat(graph.allows(Door.OPEN, Door.LOCKED)).isFalse();
		assertThat(graph.next(Door.CLOSED)).containsExactly(Door.OPEN, Door.LOCKED);
		assertThat(graph.sources(Door.OPEN)).containsExactly(Door.CLOSED);
		assertThat(graph.terminal()).containsExactly(Door.BROKEN);
	}

	@Test
	void refusesAMoveItDoesNotHoldAsAConflictWithItsCode() {
		assertThatThrownBy(() -> graph.require(Door.BROKEN, Door.OPEN)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
			assertThat(e.code()).isEqualTo("door-state");
		});
	}

	@Test
	void refusesAnEdgeWrittenTwiceOrWithoutAnEvent() {
		assertThatThrownBy(() -> StateGraph.of(Door.class).edge(Door.OPEN, Door.CLOSED, "A").edge(Door.OPEN, Door.CLOSED, "B"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> StateGraph.of(Door.class).edge(Door.OPEN, Door.CLOSED, " ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void drawsMermaid() {
		assertThat(graph.mermaid(Door.OPEN)).isEqualTo("""
				stateDiagram-v2
				    [*] --> OPEN
				    OPEN --> CLOSED : DoorClosed
				    CLOSED --> OPEN : DoorOpened
				    CLOSED --> LOCKED : DoorLocked
				    LOCKED --> BROKEN : DoorBroken
				    BROKEN --> [*]
				""");
	}
}
