package tongban.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tongban.casework.CaseEvents;
import tongban.casework.CaseStatus;
import tongban.casework.CaseSubmitted;
import tongban.shared.DomainException;
import tongban.shared.StateGraph;

/** The whole status graph of a case: every edge moves, every other pair is refused as 409 case-state. */
class CaseTransitionsTest {

	static Stream<StateGraph.Edge<CaseStatus>> edges() {
		return CaseTransitions.GRAPH.edges().stream();
	}

	static Stream<Arguments> forbidden() {
		return Arrays.stream(CaseStatus.values()).flatMap(from -> Arrays.stream(CaseStatus.values()).map(to -> Arguments.of(from, to)))
			.filter(pair -> !CaseTransitions.GRAPH.allows((CaseStatus) pair.get()[0], (CaseStatus) pair.get()[1]));
	}

	@ParameterizedTest
	@MethodSource("edges")
	void everyEdgeMovesACaseInItsFromStatus(StateGraph.Edge<CaseStatus> edge) {
		StatusChange change = Case.of(CaseViews.in(edge.from())).moveTo(edge.to());
		assertThat(change.from()).isEqualTo(edge.from());
		assertThat(change.to()).isEqualTo(edge.to());
		assertThat(change.event()).isEqualTo(edge.event());
	}

	@ParameterizedTest
	@MethodSource("forbidden")
	void everyOtherMoveIsRefusedAsAStaleState(CaseStatus from, CaseStatus to) {
		assertThatThrownBy(() -> Case.of(CaseViews.in(from)).moveTo(to)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
			assertThat(e.code()).isEqualTo("case-state");
		});
	}

	@Test
	void forbiddenMovesIncludeTheOnesThatMatter() {
		assertThat(CaseTransitions.GRAPH.allows(CaseStatus.DRAFT, CaseStatus.ACCEPTED)).as("accepting a draft").isFalse();
		assertThat(CaseTransitions.GRAPH.allows(CaseStatus.APPROVED, CaseStatus.WITHDRAWN)).as("withdrawing after the decision").isFalse();
		assertThat(CaseTransitions.GRAPH.allows(CaseStatus.CONCLUDED, CaseStatus.SUBMITTED)).as("reopening").isFalse();
		assertThat(CaseTransitions.GRAPH.allows(CaseStatus.SUPPLEMENT_REQUESTED, CaseStatus.ACCEPTED)).as("accepting before 补正").isFalse();
		assertThat(CaseTransitions.GRAPH.allows(CaseStatus.SUBMITTED, CaseStatus.APPROVED)).as("deciding before 受理").isFalse();
		assertThat(forbidden().count()).isEqualTo(CaseStatus.values().length * CaseStatus.values().length - CaseTransitions.GRAPH.edges().size());
	}

	@Test
	void aMoveAskedFromAnotherStatusIsRefusedEvenWhereTheTargetIsReachable() {
		// SUBMITTED is reached from DRAFT (submission) and from SUPPLEMENT_REQUESTED (补正): each asks for its own start
		assertThatThrownBy(() -> Case.of(CaseViews.in(CaseStatus.SUPPLEMENT_REQUESTED)).move(CaseStatus.DRAFT, CaseStatus.SUBMITTED))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("case-state"));
		assertThat(Case.of(CaseViews.in(CaseStatus.DRAFT)).move(CaseStatus.DRAFT, CaseStatus.SUBMITTED).event()).isEqualTo("CaseSubmitted");
	}

	@Test
	void everyEdgeNamesAnEventTheModulePublishes() {
		Set<String> events = Stream.concat(Arrays.stream(CaseEvents.class.getDeclaredClasses()), Stream.of(CaseSubmitted.class))
			.filter(Class::isRecord)
			.map(Class::getSimpleName)
			.collect(Collectors.toSet());
		assertThat(CaseTransitions.GRAPH.edges()).allSatisfy(edge -> assertThat(events).as(edge.from() + " → " + edge.to()).contains(edge.event()));
	}

	@Test
	void everyStatusIsReachedFromADraftAndTheStoryEndsInTheFinalOnes() {
		Set<CaseStatus> reached = EnumSet.of(CaseStatus.DRAFT);
		for (int round = 0; round < CaseStatus.values().length; round++) {
			Set.copyOf(reached).forEach(status -> reached.addAll(CaseTransitions.GRAPH.next(status)));
		}
		assertThat(reached).containsExactlyInAnyOrder(CaseStatus.values());
		assertThat(CaseTransitions.GRAPH.terminal()).containsExactlyInAnyOrder(CaseStatus.DENIED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN,
				CaseStatus.REVOKED);
		assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::finished)).as("a delivered grant is finished, though it may be revoked")
			.containsExactlyInAnyOrder(CaseStatus.DENIED, CaseStatus.REFUSED, CaseStatus.CONCLUDED, CaseStatus.WITHDRAWN, CaseStatus.REVOKED);
		assertThat(CaseTransitions.GRAPH.sources(CaseStatus.REVOKED)).as("only a grant is revoked")
			.containsExactlyInAnyOrder(CaseStatus.APPROVED, CaseStatus.CONCLUDED);
		assertThat(CaseTransitions.GRAPH.sources(CaseStatus.WITHDRAWN)).as("withdrawable before any decision")
			.containsExactlyInAnyOrder(CaseStatus.SUBMITTED, CaseStatus.SUPPLEMENT_REQUESTED, CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW);
		assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::withdrawable))
			.containsExactlyInAnyOrderElementsOf(CaseTransitions.GRAPH.sources(CaseStatus.WITHDRAWN));
	}
}
