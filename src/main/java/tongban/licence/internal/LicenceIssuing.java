package tongban.licence.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents;
import tongban.casework.Cases;
import tongban.casework.Filing;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;

/**
 * 出证办结: when a case of an item that issues a licence is approved, the licence is issued in the same transaction,
 * sealed by the approving staff member; if the seal refuses them (no right, no TOTP), the approval fails with it.
 */
@Component
class LicenceIssuing {

	private final Cases cases;
	private final LicenceManagement licences;
	private final SealManagement seals;

	LicenceIssuing(Cases cases, LicenceManagement licences, SealManagement seals) {
		this.cases = cases;
		this.licences = licences;
		this.seals = seals;
	}

	@EventListener
	void on(CaseEvents.CaseApproved e) {
		Filing f = cases.filing(e.caseId()).orElseThrow();
		if (licences.typeForItem(f.itemCode()).isEmpty()) {
			return;
		}
		licences.issue(new LicenceManagement.Issue(f.id().value(), f.itemCode(), f.departmentCode(), f.regionCode(), f.party().id(), f.values(),
				f.applicantAccountId()),
				seals.currentSealer());
	}
}
