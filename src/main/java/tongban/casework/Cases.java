package tongban.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.domain.CaseRepository;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * Reading cases: one's own (every case is visible only to its party — the citizen, or the company an agent acts for —
 * within the actor's grant; anything else is "not found"), any case for the modules that checked a staff member's
 * authority first, and the light reads other modules' listeners need.
 */
@Service
@Transactional(readOnly = true)
public class Cases {

	private final CaseRepository repository;
	private final CatalogManagement catalog;
	private final AuditTrail audit;

	Cases(CaseRepository repository, CatalogManagement catalog, AuditTrail audit) {
		this.repository = repository;
		this.catalog = catalog;
		this.audit = audit;
	}

	/** One of the actor's party's cases, within the actor's grant. */
	public Optional<CaseView> find(Actor actor, CaseId caseId) {
		return repository.find(actor, caseId.value(), true);
	}

	/** Any case, for the approval module (which checks the staff member's authority first). */
	public Optional<CaseView> forStaff(CaseId caseId) {
		return repository.find(caseId.value());
	}

	/** The actor's party's cases within the grant, the latest changed first (at most 200). */
	public List<CaseSummary> mine(Actor actor) {
		return repository.mine(actor);
	}

	/** A material file of one's own case. */
	public Optional<MaterialView> material(Actor actor, CaseId caseId, int index) {
		return find(actor, caseId).flatMap(c -> c.materials().stream().filter(m -> m.index() == index).findFirst());
	}

	public Optional<Notice> notice(CaseId caseId) {
		return repository.notice(caseId.value());
	}

	public Optional<Filing> filing(CaseId caseId) {
		return repository.filing(caseId.value());
	}

	/** The guide of the version the case was filed under. */
	public ServiceGuide guideOf(CaseView caseView) {
		return catalog.version(caseView.itemCode(), caseView.itemVersion()).orElseThrow(() -> DomainException.notFound("item version"));
	}

	/**
	 * The 行政许可 decisions (准予 or 不予) a department took in a year: the "本年处理决定数量" of 行政许可 in section 二 of
	 * the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), counted from the cases' decision events.
	 */
	public long licensingDecisions(String departmentCode, int year) {
		OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		return repository.decisions(departmentCode, from, from.plusYears(1)).stream()
			.filter(d -> catalog.version(d.itemCode(), d.itemVersion()).map(g -> g.type() == ServiceGuide.ItemType.XK).orElse(false))
			.mapToLong(CaseRepository.DecisionCount::decisions)
			.sum();
	}

	/** Accepted cases not yet concluded of departments in a region (code prefix), for supervision. */
	public List<CaseId> underway(String regionPrefix) {
		return repository.underway(regionPrefix).stream().map(CaseId::of).toList();
	}

	/** The materials promised at a counter (容缺后补) and whether each has come. */
	public List<Deferred> deferred(CaseId caseId) {
		return repository.deferred(caseId.value());
	}

	/** The fields of a case not typed by the applicant: from registers (免提交) or the account, by form key. */
	public Map<String, Verified> provenance(CaseId caseId) {
		return repository.provenance(caseId.value());
	}

	/** Whether some value of the case was taken from a register (免提交), not only from the applicant's account. */
	public boolean takenFromRegister(CaseId caseId) {
		return provenance(caseId).values().stream().anyMatch(v -> !v.fromAccount());
	}

	/**
	 * A staff member saw the applicant's personal data of a case in full, for a stated purpose: an audit entry
	 * (DATA_REVEAL) naming it (个人信息保护法 Art. 28: sensitive personal information only for a specific purpose).
	 */
	@Transactional
	public void recordReveal(CaseId caseId, StaffMember staff, RevealPurpose purpose) {
		if (purpose == null) {
			throw new DomainException(DomainException.Kind.INVALID, "reveal.purpose", "a reveal states its purpose");
		}
		audit.record(AuditTrail.DATA_REVEAL, "staff:" + staff.id(), "case:" + caseId,
				staff.name() + " saw the form's personal data in full for " + purpose.name());
	}

	/** Whether the party may be the applicant of the item: a company for 法人 items, a citizen for items of 自然人. */
	public static boolean serves(ServiceGuide guide, Party party) {
		return guide.serves(party.kind() == Party.Kind.LEGAL_PERSON);
	}
}
