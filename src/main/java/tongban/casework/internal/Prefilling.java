package tongban.casework.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Verified;
import tongban.casework.domain.CaseRepository;
import tongban.exchange.ConsentedPrefill;
import tongban.exchange.PrefillOffer;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/**
 * 免提交: what the government holds for a draft's form is offered with a consent prompt, and with consent read from the
 * register (recorded as a read of the applicant's data) into the draft, each value marked verified with a MAC.
 */
@Service
@Transactional
public class Prefilling {

	private final Applying applying;
	private final Cases cases;
	private final CaseRepository repository;
	private final ApplicationForms forms;
	private final ConsentedPrefill exchange;
	private final IdentityManagement identity;

	Prefilling(Applying applying, Cases cases, CaseRepository repository, ApplicationForms forms, ConsentedPrefill exchange,
			IdentityManagement identity) {
		this.applying = applying;
		this.cases = cases;
		this.repository = repository;
		this.forms = forms;
		this.exchange = exchange;
		this.identity = identity;
	}

	/**
	 * What the government holds for this draft's form, to offer with a consent prompt: only for a citizen applying for
	 * themselves, and not once taken.
	 */
	@Transactional(readOnly = true)
	public Optional<PrefillOffer> prefillOffer(Actor actor, CaseView draft) {
		if (draft.status() != CaseStatus.DRAFT || !actor.actingForSelf() || cases.takenFromRegister(draft.id())) {
			return Optional.empty();
		}
		return exchange.prefillOffer(draft.itemCode(), draft.departmentCode());
	}

	/**
	 * The applicant consented: their values are read from the register, put into the draft and marked verified. Answers
	 * how many fields were filled (0 when the register has nothing).
	 */
	public int prefill(Actor actor, CaseId caseId, long lockVersion) {
		CaseView c = applying.draft(actor, caseId);
		UUID id = caseId.value();
		var offer = prefillOffer(actor, c).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "case-prefill", "nothing to offer"));
		String subject = identity.identifierOf(actor.party()).orElseThrow();
		Map<String, String> served = exchange.prefill(offer, subject, actor.accountId(), c.itemName(), "草稿 " + id);
		if (served.isEmpty()) {
			return 0;
		}
		Map<String, Object> values = new LinkedHashMap<>(c.values());
		Map<String, Verified> provenance = new LinkedHashMap<>(repository.provenance(id));
		served.forEach((field, value) -> {
			values.put(field, value);
			provenance.put(field, new Verified(offer.source(), forms.verifiedMac(id, field, value)));
		});
		repository.writeForm(id, lockVersion, values, provenance);
		return served.size();
	}
}
