package tongban.casework.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.LicenceWallet;
import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.StoredFile;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.shared.FieldProblem;

/**
 * 用证: materials a licence in the applicant's wallet stands for are taken from it instead of uploaded, through the
 * {@link LicenceWallet} port (none when no licence module is present).
 */
@Service
@Transactional
public class LicenceUse {

	private final Applying applying;
	private final Cases cases;
	private final CaseRepository repository;
	private final ObjectProvider<LicenceWallet> wallet;

	LicenceUse(Applying applying, Cases cases, CaseRepository repository, ObjectProvider<LicenceWallet> wallet) {
		this.applying = applying;
		this.cases = cases;
		this.repository = repository;
		this.wallet = wallet;
	}

	/** The party's valid licences of a kind (用证 choices), none when no licence module is present. */
	@Transactional(readOnly = true)
	public List<LicenceWallet.Held> heldLicences(UUID partyId, String licenceType) {
		LicenceWallet w = wallet.getIfAvailable();
		return w == null || licenceType == null || licenceType.isBlank() ? List.of() : w.held(partyId, licenceType);
	}

	/** The applicant's valid licences for each material of the guide that a licence can stand for, by material index. */
	@Transactional(readOnly = true)
	public Map<Integer, List<LicenceWallet.Held>> walletFor(UUID partyId, ServiceGuide guide) {
		Map<Integer, List<LicenceWallet.Held>> out = new LinkedHashMap<>();
		for (int i = 0; i < guide.materials().size(); i++) {
			List<LicenceWallet.Held> held = heldLicences(partyId, guide.materials().get(i).licenceType());
			if (!held.isEmpty()) {
				out.put(i, held);
			}
		}
		return out;
	}

	/**
	 * Materials of a draft taken from the applicant's wallet (material index → licence identifier; blank removes an
	 * earlier choice). Each must be a material a licence stands for and a valid licence of that kind the party holds;
	 * it is kept as the sealed licence file with trust level A, and the use is recorded for the holder.
	 */
	public List<FieldProblem> useLicences(Actor actor, CaseId caseId, Map<Integer, String> picks) {
		CaseView c = applying.draft(actor, caseId);
		UUID id = caseId.value();
		ServiceGuide g = cases.guideOf(c);
		LicenceWallet w = wallet.getIfAvailable();
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<Integer, String> p : picks.entrySet()) {
			int i = p.getKey();
			if (i < 0 || i >= g.materials().size() || g.materials().get(i).licenceType() == null || w == null) {
				problems.add(new FieldProblem("material." + i, "case.error.licence.notAllowed", List.of()));
				continue;
			}
			ServiceGuide.Material m = g.materials().get(i);
			String identifier = p.getValue() == null ? "" : p.getValue().strip();
			if (identifier.isEmpty()) {
				repository.removeLicenceMaterial(id, i);
				continue;
			}
			var current = c.materials().stream().filter(x -> x.index() == i && identifier.equals(x.licenceIdentifier())).findFirst();
			if (current.isPresent()) {
				continue;
			}
			var used = w.use(actor.party().id(), identifier, m.licenceType(), id, c.itemName(), m.name(), c.departmentCode(), actor.accountName());
			if (used.isEmpty()) {
				problems.add(new FieldProblem("material." + i, "case.error.licence.notHeld", List.of(m.licenceType())));
				continue;
			}
			var h = used.get();
			repository.putMaterial(id, i, m.name(), new StoredFile(h.fileId(), h.sha256(), h.size(), "application/pdf",
					h.name() + "（" + h.number() + "）"), "A", h.identifier());
		}
		if (!problems.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		return problems;
	}
}
