package tongban.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseStatus;
import tongban.identity.Party;
import tongban.shared.DomainException;
import tongban.shared.StateGraph;
import tongban.support.IntegrationTest;

/**
 * Every edge of the case status graph written through the repository's guarded update on the real database: the move
 * lands when the case is where the change saw it, and is refused (409 {@code case-state}) when the case moved on.
 */
class CaseStatusGuardIT extends IntegrationTest {

	@Autowired
	CaseRepository repository;

	static Stream<StateGraph.Edge<CaseStatus>> edges() {
		return CaseTransitions.GRAPH.edges().stream();
	}

	private UUID caseIn(CaseStatus status) {
		Citizen owner = newCitizen("状态守卫", 2);
		UUID id = UUID.randomUUID();
		repository.insertDraft(new CaseRepository.NewDraft(id, "330106-GG-GUARD-01", 1, "状态守卫测试", "XH-RLSB", "330106", owner.id(),
				owner.name(), new Party(Party.Kind.CITIZEN, owner.id(), owner.name()), Applying.ONLINE, null));
		jdbc.sql("update casework_case set status = ? where id = ?").params(status.name(), id).update();
		return id;
	}

	private CaseStatus statusOf(UUID id) {
		return CaseStatus.valueOf(jdbc.sql("select status from casework_case where id = ?").param(id).query(String.class).single());
	}

	@ParameterizedTest
	@MethodSource("edges")
	void everyEdgeIsWrittenOnlyFromItsFromStatus(StateGraph.Edge<CaseStatus> edge) {
		UUID id = caseIn(edge.from());
		StatusChange change = new StatusChange(id, edge.from(), edge.to(), edge.event());
		repository.move(change, Columns.none());
		assertThat(statusOf(id)).isEqualTo(edge.to());

		// the same change again, or on a case that moved elsewhere meanwhile, finds the case no longer where it saw it
		CaseStatus elsewhere = edge.from() == CaseStatus.DRAFT ? CaseStatus.WITHDRAWN : CaseStatus.DRAFT;
		jdbc.sql("update casework_case set status = ? where id = ?").params(elsewhere.name(), id).update();
		assertThatThrownBy(() -> repository.move(change, Columns.none())).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
			assertThat(e.code()).isEqualTo("case-state");
		});
		assertThat(statusOf(id)).isEqualTo(elsewhere);
	}
}
