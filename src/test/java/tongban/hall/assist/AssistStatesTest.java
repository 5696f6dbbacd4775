package tongban.hall.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tongban.shared.DomainException;

/** The status graphs of 帮办代办 and what a message may hold. */
class AssistStatesTest {

	@Test
	void aHomeVisitIsConfirmedOnlyAfterTheVisitAndCancelledOnlyBeforeIt() {
		var graph = HomeVisitStatus.GRAPH;
		assertThat(graph.next(HomeVisitStatus.REQUESTED)).containsExactlyInAnyOrder(HomeVisitStatus.ASSIGNED, HomeVisitStatus.CANCELLED);
		assertThat(graph.next(HomeVisitStatus.ASSIGNED)).containsExactlyInAnyOrder(HomeVisitStatus.VISITED, HomeVisitStatus.CANCELLED);
		assertThat(graph.next(HomeVisitStatus.VISITED)).containsExactly(HomeVisitStatus.CONFIRMED);
		assertThat(graph.terminal()).containsExactlyInAnyOrder(HomeVisitStatus.CONFIRMED, HomeVisitStatus.CANCELLED);
		assertThat(graph.sources(HomeVisitStatus.CONFIRMED)).containsExactly(HomeVisitStatus.VISITED);
		assertThatThrownBy(() -> graph.require(HomeVisitStatus.VISITED, HomeVisitStatus.CANCELLED)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-home-visit-moved");
		assertThat(graph.edge(HomeVisitStatus.ASSIGNED, HomeVisitStatus.VISITED).orElseThrow().event()).isEqualTo("HomeVisitVisited");
		assertThat(HomeVisitStatus.ASSIGNED.ahead()).isTrue();
		assertThat(HomeVisitStatus.VISITED.ahead()).isFalse();
	}

	@Test
	void aConversationIsTakenOnceAndEndsClosed() {
		var graph = HelpStatus.GRAPH;
		assertThat(graph.allows(HelpStatus.OPEN, HelpStatus.TAKEN)).isTrue();
		assertThat(graph.allows(HelpStatus.TAKEN, HelpStatus.TAKEN)).isFalse();
		assertThat(graph.allows(HelpStatus.CLOSED, HelpStatus.OPEN)).isFalse();
		assertThat(graph.terminal()).containsExactly(HelpStatus.CLOSED);
	}

	@Test
	void messagesAreNonEmptyLimitedAndFreeOfControlCharacters() {
		assertThat(AssistText.problem("请问要带什么材料？\n谢谢", 500)).isEmpty();
		assertThat(AssistText.problem("  ", 500)).contains("hall.assist.error.text.empty");
		assertThat(AssistText.problem(null, 500)).contains("hall.assist.error.text.empty");
		assertThat(AssistText.problem("长".repeat(501), 500)).contains("hall.assist.error.text.long");
		assertThat(AssistText.problem("长".repeat(500), 500)).isEmpty();
		assertThat(AssistText.problem("a\u0000b", 500)).contains("hall.assist.error.text.control");
		assertThat(AssistText.problem("a\u001b[31m", 500)).contains("hall.assist.error.text.control");
	}
}
