package tongban.proactive.promise.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents.CaseApproved;
import tongban.proactive.promise.PromiseChecks;

/** After a grant commits, the case is drawn for a post-approval check if it was applied for under a promise. */
@Component
class ApprovedCaseSampling {

	private final PromiseChecks checks;

	ApprovedCaseSampling(PromiseChecks checks) {
		this.checks = checks;
	}

	@ApplicationModuleListener
	void on(CaseApproved approved) {
		checks.sample(approved.caseId(), approved.caseNumber());
	}
}
