package tongban.casework;

import java.util.List;

import tongban.identity.StaffMember;

/**
 * Facts about cases, published through the Modulith event registry (so none is lost between modules). Which status
 * move publishes which of them is written in the status graph ({@code domain/CaseTransitions}).
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	public record CaseAccepted(CaseId caseId, String caseNumber, String acceptanceNo) {
	}

	public record SupplementRequested(CaseId caseId, String caseNumber, List<String> materials) {
	}

	/** The applicant resubmitted every requested material: the waiting process continues. */
	public record SupplementProvided(CaseId caseId, String caseNumber) {
	}

	/** A department gave its review opinion (审查), one of several in a parallel review. */
	public record CaseReviewed(CaseId caseId, String caseNumber, String department) {
	}

	/**
	 * The grant (准予) was decided by {@code approver}, as they were signed in (their second factor included): a licence
	 * is issued after the commit, sealed in their name.
	 */
	public record CaseApproved(CaseId caseId, String caseNumber, StaffMember approver) {
	}

	/** A special procedure started: the clock stops; the applicant is told in writing. */
	public record SpecialProcedureStarted(CaseId caseId, String caseNumber, String kind, String reason) {
	}

	/** The limit was extended with the head's approval; the applicant is told why. */
	public record CaseExtended(CaseId caseId, String caseNumber, int days, String reason) {
	}

	public record CaseDenied(CaseId caseId, String caseNumber, String reason) {
	}

	/** 不予受理, with its reason code (null when none was given: supervised, see {@link RefusalReason}). */
	public record CaseRefused(CaseId caseId, String caseNumber, RefusalReason reasonCode, String reason) {
	}

	/**
	 * The grant was revoked after the decision (撤销行政许可, 行政许可法 Art. 69: obtained by deception, e.g. a false
	 * 告知承诺), by {@code staffName} with the reason; the case's licence is revoked by whoever revokes the decision.
	 */
	public record DecisionRevoked(CaseId caseId, String caseNumber, String staffName, String reason) {
	}

	/** The case ended: every move into a final status publishes this (a denial after {@link CaseDenied}). */
	public record CaseConcluded(CaseId caseId, String caseNumber, CaseOutcome outcome) {
	}
}
