package tongban.casework.domain;

import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.shared.DomainException;

/**
 * A case as its rules see it: the status it is in and the moves it may make from there ({@link CaseTransitions}). A
 * move asked of a case in another status is refused with a conflict of code {@code case-state}; the repository then
 * writes it only if the case is still where this aggregate saw it.
 */
public final class Case {

	private final CaseView state;

	private Case(CaseView state) {
		this.state = state;
	}

	public static Case of(CaseView state) {
		return new Case(state);
	}

	public CaseView state() {
		return state;
	}

	public CaseStatus status() {
		return state.status();
	}

	/** The move to {@code to} from where the case is; refused (409 {@code case-state}) unless the graph holds it. */
	public StatusChange moveTo(CaseStatus to) {
		var edge = CaseTransitions.GRAPH.require(state.status(), to);
		return new StatusChange(state.id().value(), edge.from(), edge.to(), edge.event());
	}

	/** The move from {@code from} (where the case must be) to {@code to}, where more than one edge leads to {@code to}. */
	public StatusChange move(CaseStatus from, CaseStatus to) {
		return require(from).moveTo(to);
	}

	/** Only a case in {@code status} takes what comes next (a draft's changes, …). */
	public Case require(CaseStatus status) {
		if (state.status() != status) {
			throw conflict("the case is " + state.status() + ", not " + status);
		}
		return this;
	}

	/** Only an accepted case not yet decided has a running clock to stop or extend. */
	public Case requireUnderway() {
		if (!state.status().underway()) {
			throw conflict("only an accepted case under way");
		}
		return this;
	}

	/** Only a case not yet decided (a withdrawable one) takes materials promised at the counter. */
	public Case requireUndecided() {
		if (!state.status().withdrawable()) {
			throw conflict("the case is " + state.status());
		}
		return this;
	}

	static DomainException conflict(String detail) {
		return new DomainException(DomainException.Kind.CONFLICT, CaseTransitions.CONFLICT_CODE, detail);
	}
}
