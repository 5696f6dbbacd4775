package tongban.casework.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseDocuments;
import tongban.casework.CaseEvents;
import tongban.casework.CaseId;
import tongban.casework.CaseView;
import tongban.casework.Cases;

/**
 * Issues the written documents of a case when the step that makes them is taken, in the step's transaction: the
 * 受理通知书 on acceptance, the 补正材料通知书 on each supplement request, the decision letter on approval or denial,
 * each sealed with the department's document seal. A department without one cannot take the step (the seal refuses
 * with {@code document-no-seal}), as an unsealed notice is no notice.
 */
@Component
class DocumentIssuing {

	private final Cases cases;
	private final CaseDocuments documents;

	DocumentIssuing(Cases cases, CaseDocuments documents) {
		this.cases = cases;
		this.documents = documents;
	}

	@EventListener
	void on(CaseEvents.CaseAccepted e) {
		issue(e.caseId(), CaseDocuments.Kind.ACCEPTANCE);
	}

	@EventListener
	void on(CaseEvents.SupplementRequested e) {
		issue(e.caseId(), CaseDocuments.Kind.SUPPLEMENT);
	}

	@EventListener
	void on(CaseEvents.CaseApproved e) {
		issue(e.caseId(), CaseDocuments.Kind.DECISION);
	}

	@EventListener
	void on(CaseEvents.CaseDenied e) {
		issue(e.caseId(), CaseDocuments.Kind.DECISION);
	}

	private void issue(CaseId caseId, CaseDocuments.Kind kind) {
		CaseView c = cases.forStaff(caseId).orElseThrow();
		// the member of staff who took the step: the newest event's
		String staff = c.events().isEmpty() ? "" : c.events().getLast().actorName();
		documents.issue(c, kind, staff == null ? "" : staff);
	}
}
