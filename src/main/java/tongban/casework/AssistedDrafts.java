package tongban.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * 帮办: a helper (online-help staff with the person's consent, or a home-visit clerk beside them) reads a citizen's own
 * draft and fills it in on their behalf. The draft stays the citizen's: what is saved goes through
 * {@link Applying#saveDraft} as if the citizen typed it (the same checks, the applicant's identity fields still from
 * their account), the case history names the helper, and every read and fill is in the audit trail. Whether the helper
 * may (consent, assignment) is the calling module's rule; this class only ever touches the citizen's own drafts.
 */
@Service
@Transactional
public class AssistedDrafts {

	/** A draft as the helper sees it: the case and the guide its form and materials come from. */
	public record AssistedDraft(CaseView draft, ServiceGuide guide) {
	}

	private final Applying applying;
	private final Cases cases;
	private final AuditTrail audit;

	AssistedDrafts(Applying applying, Cases cases, AuditTrail audit) {
		this.applying = applying;
		this.cases = cases;
		this.audit = audit;
	}

	/** The citizen acting for themself, as the helper does it for them (the helper named in the case history). */
	private static Actor owner(UUID ownerAccountId, String ownerName, String helperName) {
		return new Actor(ownerAccountId, "帮办：" + helperName, new Party(Party.Kind.CITIZEN, ownerAccountId, ownerName));
	}

	/** The citizen's own draft for the helper (the read recorded); not found when it is not a draft of theirs. */
	public AssistedDraft view(UUID ownerAccountId, String ownerName, CaseId caseId, UUID helperAccountId, String helperName) {
		CaseView draft = applying.draft(owner(ownerAccountId, ownerName, helperName), caseId);
		audit.record(AuditTrail.DATA_READ, "account:" + helperAccountId, "case:" + caseId, "帮办人员查看申请草稿（本人已同意）");
		return new AssistedDraft(draft, cases.guideOf(draft));
	}

	/**
	 * Saves the values the helper typed over the draft's current ones (fields not sent keep their value) and the
	 * materials they scanned in; returns the problems as {@link Applying#saveDraft} does (a form error still saves).
	 */
	public List<FieldProblem> fill(UUID ownerAccountId, String ownerName, CaseId caseId, UUID helperAccountId, String helperName,
			Map<String, Object> values, Map<Integer, Upload> materials) {
		Actor actor = owner(ownerAccountId, ownerName, helperName);
		CaseView draft = applying.draft(actor, caseId);
		Map<String, Object> merged = new LinkedHashMap<>(draft.values());
		merged.putAll(values);
		List<FieldProblem> problems = applying.saveDraft(actor, caseId, draft.lockVersion(), merged, materials, Map.of());
		audit.record(AuditTrail.DATA_READ, "account:" + helperAccountId, "case:" + caseId,
				"帮办人员代为填写申请：" + String.join("、", values.keySet()) + (materials.isEmpty() ? "" : "；材料 " + materials.size() + " 份"));
		return problems;
	}

	/** The draft's problems that would stop submission (form errors, required materials missing). */
	@Transactional(readOnly = true)
	public List<FieldProblem> check(UUID ownerAccountId, String ownerName, CaseId caseId, String helperName) {
		return applying.check(applying.draft(owner(ownerAccountId, ownerName, helperName), caseId));
	}

	/** The status of one of the citizen's cases (any status), or not found. */
	@Transactional(readOnly = true)
	public CaseStatus status(UUID ownerAccountId, String ownerName, CaseId caseId) {
		return cases.find(owner(ownerAccountId, ownerName, ownerName), caseId).map(CaseView::status)
			.orElseThrow(() -> DomainException.notFound("case"));
	}

	/** The case number of one of the citizen's submitted cases (null while a draft). */
	@Transactional(readOnly = true)
	public String caseNumber(UUID ownerAccountId, String ownerName, CaseId caseId) {
		return cases.find(owner(ownerAccountId, ownerName, ownerName), caseId).map(CaseView::caseNumber)
			.orElseThrow(() -> DomainException.notFound("case"));
	}
}
