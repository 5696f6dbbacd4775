package tongban.licence.internal;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents.CaseApproved;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Filing;
import tongban.licence.CaseLicences;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;

/**
 * 出证办结: when a case of an item that issues a licence is approved, the licence is issued and sealed in the name of
 * the approver who decided, as they were signed in ({@link CaseApproved#approver()}).
 * <ul>
 * <li>In the approval's transaction, the approver is checked as sealing would check them (seal active, their
 * department and role, TOTP): if the seal refuses them, the approval fails with it, and the refusal is recorded.</li>
 * <li>After the approval commits, in its own transaction through the event publication registry, the licence is
 * rendered, sealed and stored: the approver's request does not wait for the signature and time-stamp, and an issuance
 * cut off by a restart is delivered again on the next start; a case that has a licence already, or whose decision was
 * revoked meanwhile, gets none.</li>
 * </ul>
 */
@Component
class LicenceIssuing {

	private final Cases cases;
	private final LicenceManagement licences;
	private final SealManagement seals;
	private final CaseLicences issued;

	LicenceIssuing(Cases cases, LicenceManagement licences, SealManagement seals, CaseLicences issued) {
		this.issued = issued;
		this.cases = cases;
		this.licences = licences;
		this.seals = seals;
	}

	@EventListener
	void checkTheApproverMaySeal(CaseApproved approved) {
		Filing filing = cases.filing(approved.caseId()).orElseThrow();
		licences.checkIssuable(filing.itemCode(), filing.departmentCode(), seals.sealer(approved.approver()), "case:" + approved.caseNumber());
	}

	@ApplicationModuleListener
	void issue(CaseApproved approved) {
		issueOnce(approved);
	}

	/** Issues the case's licence unless it has one or its decision was revoked; in the caller's thread. */
	void issueOnce(CaseApproved approved) {
		// delivered again (a restart between the issuance and its completion mark), or the decision revoked meanwhile
		// (a false 告知承诺 found first): no second licence, and none for a revoked decision
		if (issued.anyIssuedOn(approved.caseId().value())
				|| cases.forStaff(approved.caseId()).map(CaseView::status).filter(status -> status == CaseStatus.REVOKED).isPresent()) {
			return;
		}
		Filing filing = cases.filing(approved.caseId()).orElseThrow();
		licences.issue(new LicenceManagement.Issue(filing.id().value(), filing.itemCode(), filing.departmentCode(), filing.regionCode(),
				filing.party().id(), filing.values(), filing.applicantAccountId()), seals.sealer(approved.approver()));
	}
}
