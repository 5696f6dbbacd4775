package tongban.casework;

/** How a case ended, as {@link CaseEvents.CaseConcluded} tells it. */
public enum CaseOutcome {
	/** Approved and the result delivered (送达). */
	APPROVED,
	/** 不予许可: decided against, with the reasons. */
	DENIED,
	/** 不予受理: not accepted, with the reasons. */
	REFUSED,
	/** Withdrawn by the applicant before any decision. */
	WITHDRAWN
}
