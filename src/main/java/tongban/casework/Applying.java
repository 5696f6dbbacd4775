package tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.domain.Case;
import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.Columns;
import tongban.casework.domain.StatusChange;
import tongban.casework.domain.StoredFile;
import tongban.casework.internal.ApplicantIdentity;
import tongban.casework.internal.ApplicationForms;
import tongban.casework.internal.PromisedDates;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.shared.WorkingCalendars;
import tongban.shared.FieldProblem;

/**
 * Applying for a published item: a draft keeps whatever was typed (valid or not) and can be resumed on any device by
 * the party it is for; submission checks the item's form with {@link FormValidation} and the required materials,
 * assigns the case number and promised date, and publishes {@link CaseSubmitted}. After submission the applicant may
 * answer a supplement request (补正) or withdraw before any decision.
 */
@Service
@Transactional
public class Applying {

	/** A case started by the applicant online. */
	public static final String ONLINE = "ONLINE";

	/** A case started by a counter clerk serving the applicant at a window (一窗受理). */
	public static final String COUNTER = "COUNTER";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final CaseRepository repository;
	private final Cases cases;
	private final ApplicationForms forms;
	private final ApplicantIdentity applicant;
	private final CatalogManagement catalog;
	private final DirectoryManagement directory;
	private final IdentityManagement identity;
	private final WorkingCalendars calendars;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CasePromises promises;

	Applying(CaseRepository repository, Cases cases, ApplicationForms forms, ApplicantIdentity applicant, CatalogManagement catalog,
			DirectoryManagement directory, IdentityManagement identity, WorkingCalendars calendars, AuditTrail audit,
			ApplicationEventPublisher events, CasePromises promises) {
		this.promises = promises;
		this.repository = repository;
		this.cases = cases;
		this.forms = forms;
		this.applicant = applicant;
		this.catalog = catalog;
		this.directory = directory;
		this.identity = identity;
		this.calendars = calendars;
		this.audit = audit;
		this.events = events;
	}

	/** The party's open draft for the item, or a new one filed under the item's current published version. */
	public CaseId startDraft(Actor actor, String itemCode) {
		return startDraft(actor, itemCode, ONLINE);
	}

	/**
	 * As {@link #startDraft(Actor, String)}, started on a channel: {@link #ONLINE}, or {@link #COUNTER} when a clerk
	 * serves the person at a window (一窗受理). A draft started on one channel continues on the other.
	 */
	public CaseId startDraft(Actor actor, String itemCode, String channel) {
		applicable(actor, itemCode);
		Optional<UUID> open = repository.openDraft(actor.party().id(), itemCode);
		if (open.isPresent()) {
			return CaseId.of(open.get());
		}
		return createDraft(actor, itemCode, channel, null);
	}

	/** The published item if the actor may apply for it for the party (within a proxy's or agent's grant); else refused. */
	private PublishedItem applicable(Actor actor, String itemCode) {
		PublishedItem item = catalog.published(itemCode).orElseThrow(() -> DomainException.notFound("item"));
		if (!Cases.serves(item.guide(), actor.party())) {
			// 法人 items are applied for by a company's representative or agent, acting for the company
			throw new DomainException(DomainException.Kind.FORBIDDEN, "served-party", "the item is not for a " + actor.party().kind());
		}
		if (!actor.covers(item.guide().name()) || !identity.mayApply(actor.accountId(), actor.party(), item.guide().name())) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "scope", "the grant does not cover " + item.guide().name());
		}
		return item;
	}

	/** A new draft of the item for the actor's party, in a bundle when {@code bundleId} is given. */
	CaseId createDraft(Actor actor, String itemCode, String channel, UUID bundleId) {
		PublishedItem item = applicable(actor, itemCode);
		ServiceGuide guide = item.guide();
		// the region of the department that handles the item: where the case is numbered and supervised
		String region = directory.departmentByCode(guide.department()).map(d -> d.regionCode()).filter(r -> r != null && !r.isBlank())
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "item-region", "the item's department has no region"));
		UUID id = UUID.randomUUID();
		boolean counter = COUNTER.equals(channel);
		repository.insertDraft(new CaseRepository.NewDraft(id, itemCode, item.version(), guide.name(), guide.department(),
				region.length() > 6 ? region.substring(0, 6) : region, actor.accountId(),
				counter ? actor.party().name() : actor.accountName(), actor.party(), counter ? COUNTER : ONLINE, bundleId));
		// the applicant's own name, ID number and phone come from the account of the citizen it is for
		var bound = applicant.bind(actor.party(), guide.applicationForm(), Map.of(), Map.of(), null,
				(field, value) -> forms.verifiedMac(id, field, value));
		if (!bound.provenance().isEmpty()) {
			// part of creating the draft: nobody has seen version 0 yet
			repository.writeNewForm(id, bound.values(), bound.provenance());
		}
		repository.record(id, counter ? "COUNTER_STARTED" : "DRAFT_STARTED", actor.accountName(), actor.party().name(), null);
		return CaseId.of(id);
	}

	/** One of the actor's drafts; a case past its draft is a conflict (only a draft changes). */
	@Transactional(readOnly = true)
	public CaseView draft(Actor actor, CaseId caseId) {
		CaseView c = cases.find(actor, caseId).orElseThrow(() -> DomainException.notFound("case"));
		return Case.of(c).require(CaseStatus.DRAFT).state();
	}

	/**
	 * Saves a draft as typed. Files are checked by content and size and stored; everything else is kept even when
	 * invalid. Returns the problems (form errors, refused files); a stale lock version saves nothing.
	 */
	public List<FieldProblem> saveDraft(Actor actor, CaseId caseId, long lockVersion, Map<String, Object> values, Map<Integer, Upload> materials,
			Map<String, Upload> formFiles) {
		CaseView c = draft(actor, caseId);
		UUID id = caseId.value();
		if (c.lockVersion() != lockVersion) {
			return List.of(new FieldProblem("", "case.error.concurrent", List.of()));
		}
		ServiceGuide g = cases.guideOf(c);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> kept = new LinkedHashMap<>(values);
		// form files already uploaded stay unless replaced
		for (FormDefinition.Field f : g.applicationForm().fields()) {
			if (f.type() == FormDefinition.FieldType.FILE && f.parent() == null) {
				Upload u = formFiles.get(f.key());
				if (u != null && u.bytes().length > 0) {
					forms.store(u, f.key(), problems)
						.ifPresentOrElse(s -> kept.put(f.key(), s.asFormValue()), () -> kept.put(f.key(), c.values().get(f.key())));
				}
				else if (c.values().get(f.key()) != null) {
					kept.put(f.key(), c.values().get(f.key()));
				}
			}
		}
		for (Map.Entry<Integer, Upload> e : materials.entrySet()) {
			int i = e.getKey();
			if (i < 0 || i >= g.materials().size() || e.getValue().bytes().length == 0) {
				continue;
			}
			forms.store(e.getValue(), "material." + i, problems).ifPresent(s -> repository.putMaterial(id, i, g.materials().get(i).name(), s, "C", null));
		}
		// values taken from a register with consent (免提交) stay as served: a request that changes one is refused at the field
		Map<String, Verified> provenance = repository.provenance(id);
		provenance.forEach((field, v) -> {
			Object stored = c.values().get(field);
			if (values.containsKey(field) && !Objects.equals(String.valueOf(values.get(field)), String.valueOf(stored))) {
				problems.add(v.refusal(field));
				audit.record(AuditTrail.DATA_REFUSED, "account:" + actor.accountId(), "case:" + id,
						"a verified value was changed in the request: " + field + " (" + v.source() + ")");
			}
			kept.put(field, stored);
		});
		// the applicant's own identity (a draft from before its form marked it gets it now): another value is refused
		var bound = applicant.bind(actor.party(), g.applicationForm(), kept, provenance, values, (field, value) -> forms.verifiedMac(id, field, value));
		bound.refused().stream().filter(field -> !provenance.containsKey(field)).forEach(field -> problems.add(new FieldProblem(field,
				"case.error.fromAccount", List.of())));
		kept.putAll(bound.values());
		repository.writeForm(id, lockVersion, kept, bound.provenance().equals(provenance) ? null : bound.provenance());
		for (FormValidation.FieldError fe : forms.validate(g, kept).errors()) {
			problems.add(new FieldProblem(fe.path(), fe.code(), fe.args()));
		}
		return problems;
	}

	/** What submission would refuse: form errors and required materials missing (容缺后补 ones may follow later). */
	@Transactional(readOnly = true)
	public List<FieldProblem> check(CaseView caseView) {
		ServiceGuide guide = cases.guideOf(caseView);
		// 告知承诺: a signed promise stands in for the materials it replaces
		return promises.adjust(caseView, guide, forms.check(caseView, guide));
	}

	/** The values as they will be kept: normalised by the validation, hidden fields and empty rows dropped, stored files as stored. */
	public Map<String, Object> cleaned(ServiceGuide guide, Map<String, Object> values) {
		return forms.cleaned(guide, values);
	}

	/**
	 * Submits the draft. The token is the draft's: a second submission with it (double click, retry) returns the same
	 * case. Problems stop the submission and change nothing.
	 */
	public List<FieldProblem> submit(Actor actor, CaseId caseId, UUID token) {
		return submitNumbered(actor, caseId, token).problems();
	}

	/** As {@link #submit}, answering the number and promised date too (no second read for the API's answer). */
	public Submission submitNumbered(Actor actor, CaseId caseId, UUID token) {
		UUID id = caseId.value();
		CaseView c = repository.find(actor, id, false).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseStatus.DRAFT && c.submitToken().equals(token)) {
			return new Submission(List.of(), c.caseNumber(), c.promisedDate());
		}
		StatusChange change = Case.of(c).move(CaseStatus.DRAFT, CaseStatus.SUBMITTED);
		if (token == null || !c.submitToken().equals(token)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-token", "stale submission");
		}
		ServiceGuide g = cases.guideOf(c);
		// whatever the draft holds, the applicant's own identity is filed as the account has it
		Map<String, Verified> before = repository.provenance(id);
		var bound = applicant.bind(actor.party(), g.applicationForm(), c.values(), before, null, (field, value) -> forms.verifiedMac(id, field, value));
		Map<String, Object> values = bound.values();
		FormValidation.Result validated = forms.validate(g, values);
		List<FieldProblem> problems = new ArrayList<>(promises.adjust(c, g, ApplicationForms.check(c, g, validated)));
		bound.provenance().forEach((field, v) -> {
			if (!v.mac().equals(forms.verifiedMac(id, field, values.get(field)))) {
				problems.add(v.refusal(field));
				audit.record(AuditTrail.DATA_REFUSED, "account:" + actor.accountId(), "case:" + id,
						"a verified value no longer matches what was served: " + field + " (" + v.source() + ")");
			}
		});
		if (!problems.isEmpty()) {
			return new Submission(problems, null, null);
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate promised = promisedDate(g, today);
		Instant now = Instant.now();
		String number = repository.submit(change, now, promised, ApplicationForms.cleaned(validated, values), bound.provenance(), today.format(DAY));
		repository.record(id, "SUBMITTED", actor.accountName(), actor.party().name(), number);
		promises.recordSubmitted(caseId, actor.accountName(), actor.party().name());
		events.publishEvent(new CaseSubmitted(caseId, number, c.itemCode(), c.itemVersion(), c.departmentCode(), now, c.itemName(),
				promised, c.applicantAccountId()));
		return new Submission(List.of(), number, promised);
	}

	/**
	 * The applicant resubmits just the requested materials; all of them must come, each a valid file. Then the case
	 * waits for acceptance again.
	 */
	public List<FieldProblem> resubmit(Actor actor, CaseId caseId, Map<Integer, Upload> uploads) {
		CaseView c = cases.find(actor, caseId).orElseThrow(() -> DomainException.notFound("case"));
		StatusChange change = Case.of(c).move(CaseStatus.SUPPLEMENT_REQUESTED, CaseStatus.SUBMITTED);
		UUID id = caseId.value();
		List<FieldProblem> problems = new ArrayList<>();
		Map<Integer, StoredFile> stored = new LinkedHashMap<>();
		for (SupplementView s : c.openSupplements()) {
			Upload u = uploads.get(s.materialIndex());
			if (u == null || u.bytes().length == 0) {
				problems.add(new FieldProblem("material." + s.materialIndex(), "case.error.material.required", List.of(s.materialName())));
				continue;
			}
			forms.store(u, "material." + s.materialIndex(), problems).ifPresent(x -> stored.put(s.materialIndex(), x));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		ServiceGuide g = cases.guideOf(c);
		stored.forEach((i, s) -> repository.putMaterial(id, i, g.materials().get(i).name(), s, "C", null));
		repository.resolveSupplements(id);
		// complete at last: the promised limit counts from today, as it did from the first submission
		repository.move(change, Columns.none().set("promised_date", promisedDate(g, LocalDate.now(Clocks.ZONE))));
		repository.record(id, "SUPPLEMENT_PROVIDED", actor.accountName(), actor.party().name(), null);
		events.publishEvent(new CaseEvents.SupplementProvided(caseId, c.caseNumber()));
		return problems;
	}

	/** The applicant withdraws a submitted case before any decision. */
	public void withdraw(Actor actor, CaseId caseId, String reason) {
		CaseView c = cases.find(actor, caseId).orElseThrow(() -> DomainException.notFound("case"));
		repository.move(Case.of(c).moveTo(CaseStatus.WITHDRAWN), Columns.none());
		repository.record(caseId.value(), "WITHDRAWN", actor.accountName(), actor.party().name(),
				reason == null || reason.isBlank() ? null : reason.strip());
		events.publishEvent(new CaseEvents.CaseConcluded(caseId, c.caseNumber(), CaseOutcome.WITHDRAWN));
	}

	/** The promised completion date counted from {@code from}, always a working day ({@link PromisedDates}). */
	LocalDate promisedDate(ServiceGuide guide, LocalDate from) {
		return PromisedDates.from(guide, from, calendars.current());
	}
}
