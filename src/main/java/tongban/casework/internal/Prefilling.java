package tongban.casework.internal;

import java.util.LinkedHashMap;
import java.util.List;
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
import tongban.identity.ConsentChannel;
import tongban.identity.ConsentLedger;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.ProcessingPurpose;
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
	private final ConsentLedger consents;

	Prefilling(Applying applying, Cases cases, CaseRepository repository, ApplicationForms forms, ConsentedPrefill exchange,
			IdentityManagement identity, ConsentLedger consents) {
		this.applying = applying;
		this.cases = cases;
		this.repository = repository;
		this.forms = forms;
		this.exchange = exchange;
		this.identity = identity;
		this.consents = consents;
	}

	/**
	 * What the government holds for this draft's form, to offer with a consent prompt: only for a citizen applying for
	 * themselves or for a company's representative or agent applying for the company (its register entry is the
	 * company's, which the agent's grant lets them act for), and not once taken. A proxy (代办) never consents for the
	 * principal: another person's register data is theirs to release.
	 */
	@Transactional(readOnly = true)
	public Optional<PrefillOffer> prefillOffer(Actor actor, CaseView draft) {
		boolean ownData = actor.actingForSelf() || actor.party().kind() == Party.Kind.LEGAL_PERSON;
		if (draft.status() != CaseStatus.DRAFT || !ownData || cases.takenFromRegister(draft.id())) {
			return Optional.empty();
		}
		return exchange.prefillOffer(draft.itemCode(), draft.departmentCode());
	}

	/**
	 * The applicant consented: their values are read from the register, put into the draft and marked verified. Answers
	 * how many fields were filled (0 when the register has nothing).
	 */
	public int prefill(Actor actor, CaseId caseId, long lockVersion) {
		recordConsent(actor);
		return prefillRead(actor, caseId, lockVersion).size();
	}

	/**
	 * 一件事一次办: the applicant consented once for the whole bundle; each draft that has an offer is filled from its
	 * register under its own department's grant (one recorded read per department), all of them or none. Answers the
	 * values served, form key → value (the first of each key).
	 */
	public Map<String, String> prefillAll(Actor actor, List<CaseView> drafts) {
		Map<String, String> served = new LinkedHashMap<>();
		if (drafts.stream().anyMatch(draft -> prefillOffer(actor, draft).isPresent())) {
			recordConsent(actor);
		}
		for (CaseView draft : drafts) {
			if (prefillOffer(actor, draft).isPresent()) {
				prefillRead(actor, draft.id(), draft.lockVersion()).forEach(served::putIfAbsent);
			}
		}
		return served;
	}

	/**
	 * A person's consent to 免提交 on the web page goes into their consent ledger (notice version, time, channel) besides
	 * the read it allows; a company's register data is not personal information, so a representative's is not recorded.
	 */
	private void recordConsent(Actor actor) {
		if (actor.actingForSelf()) {
			consents.give(actor.accountId(), ProcessingPurpose.PREFILL, ConsentChannel.WEB);
		}
	}

	private Map<String, String> prefillRead(Actor actor, CaseId caseId, long lockVersion) {
		CaseView c = applying.draft(actor, caseId);
		UUID id = caseId.value();
		var offer = prefillOffer(actor, c).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "case-prefill", "nothing to offer"));
		String subject = identity.identifierOf(actor.party()).orElseThrow();
		Map<String, String> served = exchange.prefill(offer, subject, actor.accountId(), c.itemName(), "草稿 " + id);
		if (served.isEmpty()) {
			return served;
		}
		Map<String, Object> values = new LinkedHashMap<>(c.values());
		Map<String, Verified> provenance = new LinkedHashMap<>(repository.provenance(id));
		served.forEach((field, value) -> {
			values.put(field, value);
			provenance.put(field, new Verified(offer.source(), forms.verifiedMac(id, field, value)));
		});
		repository.writeForm(id, lockVersion, values, provenance);
		return served;
	}
}
