package tongban.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.shared.DomainException;

/**
 * The fee of a case as casework uses it, through the {@link FeeClearance} ports present (none: nothing is charged):
 * the case page's fee panel ({@code casework/fee.html}) and the guard before a grant.
 */
@Component("caseFees")
public class CaseFees {

	private final List<FeeClearance> clearances;

	CaseFees(List<FeeClearance> clearances) {
		this.clearances = clearances;
	}

	public Optional<FeeClearance.Fee> of(CaseView caseView) {
		return clearances.stream().map(c -> c.feeOf(caseView)).flatMap(Optional::stream).findFirst();
	}

	/** Refuses ({@code fee-unpaid}, a conflict) a grant while the case's fee is due. */
	public void requireSettled(CaseView caseView) {
		if (of(caseView).filter(FeeClearance.Fee::due).isPresent()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "fee-unpaid", "the case's fee is not paid");
		}
	}
}
