package tongban.casework.domain;

import static tongban.casework.CaseStatus.ACCEPTED;
import static tongban.casework.CaseStatus.APPROVED;
import static tongban.casework.CaseStatus.CONCLUDED;
import static tongban.casework.CaseStatus.DENIED;
import static tongban.casework.CaseStatus.DRAFT;
import static tongban.casework.CaseStatus.IN_REVIEW;
import static tongban.casework.CaseStatus.REFUSED;
import static tongban.casework.CaseStatus.REVOKED;
import static tongban.casework.CaseStatus.SUBMITTED;
import static tongban.casework.CaseStatus.SUPPLEMENT_REQUESTED;
import static tongban.casework.CaseStatus.WITHDRAWN;

import tongban.casework.CaseEvents.CaseAccepted;
import tongban.casework.CaseEvents.CaseApproved;
import tongban.casework.CaseEvents.CaseConcluded;
import tongban.casework.CaseEvents.CaseDenied;
import tongban.casework.CaseEvents.CaseRefused;
import tongban.casework.CaseEvents.DecisionRevoked;
import tongban.casework.CaseEvents.CaseReviewed;
import tongban.casework.CaseEvents.SupplementProvided;
import tongban.casework.CaseEvents.SupplementRequested;
import tongban.casework.CaseStatus;
import tongban.casework.CaseSubmitted;
import tongban.shared.StateGraph;

/**
 * Every move a case's status may make and the event it publishes: the one place that says how a case lives. A move
 * not written here is refused with a conflict of code {@code case-state} (409: the case moved on since the page was
 * shown). Every move into a final status also publishes {@link CaseConcluded}; a denial publishes {@link CaseDenied}
 * first, a refusal to accept {@link CaseRefused} (with its reason code).
 */
public final class CaseTransitions {

	public static final String CONFLICT_CODE = "case-state";

	public static final StateGraph<CaseStatus> GRAPH = StateGraph.of(CaseStatus.class)
		// 申请: the applicant submits the draft
		.edge(DRAFT, SUBMITTED, CaseSubmitted.class)
		// 受理, 补正 (一次性告知) and its answer, 不予受理 (Art. 32)
		.edge(SUBMITTED, ACCEPTED, CaseAccepted.class)
		.edge(SUBMITTED, SUPPLEMENT_REQUESTED, SupplementRequested.class)
		.edge(SUPPLEMENT_REQUESTED, SUBMITTED, SupplementProvided.class)
		.edge(SUBMITTED, REFUSED, CaseRefused.class)
		// 审查: one department's opinion, or the next of several in parallel
		.edge(ACCEPTED, IN_REVIEW, CaseReviewed.class)
		.edge(IN_REVIEW, IN_REVIEW, CaseReviewed.class)
		// 决定: 准予 waits for 送达; 不予 ends the case
		.edge(ACCEPTED, APPROVED, CaseApproved.class)
		.edge(IN_REVIEW, APPROVED, CaseApproved.class)
		.edge(ACCEPTED, DENIED, CaseDenied.class)
		.edge(IN_REVIEW, DENIED, CaseDenied.class)
		// 送达
		.edge(APPROVED, CONCLUDED, CaseConcluded.class)
		// 撤销: a grant found obtained by deception (a false 告知承诺) is revoked, before or after 送达
		.edge(APPROVED, REVOKED, DecisionRevoked.class)
		.edge(CONCLUDED, REVOKED, DecisionRevoked.class)
		// 撤回: the applicant, before any decision
		.edge(SUBMITTED, WITHDRAWN, CaseConcluded.class)
		.edge(SUPPLEMENT_REQUESTED, WITHDRAWN, CaseConcluded.class)
		.edge(ACCEPTED, WITHDRAWN, CaseConcluded.class)
		.edge(IN_REVIEW, WITHDRAWN, CaseConcluded.class)
		.build(CONFLICT_CODE);

	private CaseTransitions() {
	}
}
