package tongban.casework;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.domain.Case;
import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.Columns;
import tongban.shared.DomainException;

/**
 * 撤销: a grant is revoked after the decision, with its reason (行政许可法 Art. 69: a licence obtained by deception or
 * bribery shall be revoked; 国办发〔2020〕42号: a false 告知承诺 found by the check). A guarded move of the status graph
 * (APPROVED or CONCLUDED to REVOKED, nothing else), recorded in the case's history under the staff member's name, and
 * published as {@link CaseEvents.DecisionRevoked}. The caller has checked the staff member's authority over the case.
 */
@Service
@Transactional
public class DecisionRevocation {

	private final CaseRepository repository;
	private final ApplicationEventPublisher events;

	DecisionRevocation(CaseRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	/** Revokes the grant of an approved case; a case in any other status is a conflict ({@code case-state}). */
	public void revoke(CaseId caseId, String staffName, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "revocation-reason", "a revocation needs its reason");
		}
		Case c = repository.load(caseId.value()).orElseThrow(() -> DomainException.notFound("case"));
		// only a grant reaches CONCLUDED (APPROVED → 送达), so the graph's two edges are exactly the grants
		repository.move(c.moveTo(CaseStatus.REVOKED), Columns.none());
		repository.record(caseId.value(), "REVOKED", staffName, null, reason.strip());
		events.publishEvent(new CaseEvents.DecisionRevoked(caseId, c.state().caseNumber(), staffName, reason.strip()));
	}
}
