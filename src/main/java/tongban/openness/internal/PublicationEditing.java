package tongban.openness.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.PublicationKind;
import tongban.openness.PublicationPublished;
import tongban.openness.PublicationRetracted;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRepository;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.PublicationRules;
import tongban.openness.domain.PublicationStatus;
import tongban.openness.domain.RevisionRow;
import tongban.openness.domain.RevisionRow.Purpose;
import tongban.openness.domain.RevisionStatus;
import tongban.openness.domain.Validity;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * The editorial workflow of a department's publications: the editor drafts (a new publication, a new version of a
 * published one, or a change of a policy's validity); the department's reviewer does the 保密审查 and either approves,
 * which makes the revision live, or returns it; the author never reviews their own revision. Withdrawal (with a reason)
 * takes a publication off the public site at once. Every step is in the audit trail, in the step's transaction. Only
 * staff of the publication's department see it: for anyone else it does not exist.
 */
@Service
@Transactional
public class PublicationEditing {

	/** A step that could not be taken as asked: the problems beside their fields, or the id of what was made. */
	public record Outcome(UUID id, List<FieldProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private final PublicationRepository repository;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;
	private final PublicationGeneration generation;

	PublicationEditing(PublicationRepository repository, AuditTrail audit, ApplicationEventPublisher events, DirectoryManagement directory,
			CatalogManagement catalog, PublicationGeneration generation) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
		this.directory = directory;
		this.catalog = catalog;
		this.generation = generation;
	}

	/** What the rules look up: departments in the directory, published items through the catalogue's API, publications. */
	public PublicationRules.Lookups lookups() {
		return new PublicationRules.Lookups() {
			@Override
			public boolean department(String code) {
				return directory.departmentByCode(code).isPresent();
			}

			@Override
			public boolean item(String code) {
				return catalog.published(code).isPresent();
			}

			@Override
			public Optional<PublicationRow> publication(UUID id) {
				return repository.find(id);
			}
		};
	}

	// ---- the editor

	public Outcome create(StaffMember editor, PublicationKind kind, PublicationContent content, String demoKey) {
		requireEditor(editor);
		List<FieldProblem> problems = PublicationRules.check(kind, content, lookups());
		if (!problems.isEmpty()) {
			return new Outcome(null, problems);
		}
		UUID id = UUID.randomUUID();
		repository.insert(id, kind, editor.departmentCode(), demoKey);
		repository.insertRevision(UUID.randomUUID(), id, Purpose.CONTENT, content.withValidity(Validity.VALID, null, null, null), editor.id(),
				editor.name());
		audit.record(AuditTrail.PUBLISH, editor.name(), subject(id), "drafted " + kind + " v1: " + content.title());
		return new Outcome(id, List.of());
	}

	/**
	 * Saves the content as the draft being worked on: the open draft, or a new version of a published publication
	 * (which goes through the review again). The validity is not edited here but by {@link #proposeValidity}.
	 */
	public Outcome update(StaffMember editor, UUID id, PublicationContent content) {
		PublicationRow publication = editable(editor, id);
		List<FieldProblem> problems = PublicationRules.check(publication.kind(), content, lookups());
		if (!problems.isEmpty()) {
			return new Outcome(id, problems);
		}
		Optional<RevisionRow> open = repository.openRevision(id);
		PublicationContent kept = content.withValidity(publication.validity(), publication.replacedBy(), publication.validityOn(), null);
		if (open.isPresent()) {
			if (open.get().status() != RevisionStatus.DRAFT || open.get().purpose() != Purpose.CONTENT
					|| !repository.updateDraft(open.get().id(), kept)) {
				throw new DomainException(DomainException.Kind.CONFLICT, "openness-in-review", "a revision is in review");
			}
			audit.record(AuditTrail.PUBLISH, editor.name(), subject(id), "edited draft v" + open.get().versionNo());
		}
		else {
			repository.insertRevision(UUID.randomUUID(), id, Purpose.CONTENT, kept, editor.id(), editor.name());
			audit.record(AuditTrail.PUBLISH, editor.name(), subject(id), "drafted a new version of " + content.title());
		}
		repository.touch(id);
		return new Outcome(id, List.of());
	}

	/** Sends the open draft to the 保密审查. */
	public void submit(StaffMember editor, UUID id) {
		editable(editor, id);
		RevisionRow draft = repository.openRevision(id).filter(r -> r.status() == RevisionStatus.DRAFT)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, RevisionStatus.CONFLICT, "no draft to submit"));
		repository.moveRevision(draft.id(), RevisionStatus.DRAFT, RevisionStatus.IN_REVIEW, new RevisionStatus.RevisionSubmitted(draft.id()),
				"submitted_at = now()");
		audit.record(AuditTrail.PUBLISH, editor.name(), subject(id), "submitted v" + draft.versionNo() + " for the confidentiality review");
	}

	/**
	 * Proposes that a published policy is 失效, 废止 or 已修订 (then naming the document that replaced it): a revision of
	 * the validity alone, sent to the review at once.
	 */
	public Outcome proposeValidity(StaffMember editor, UUID id, Validity to, UUID replacedBy, LocalDate on, String note) {
		PublicationRow policy = editable(editor, id);
		if (policy.kind() != PublicationKind.POLICY || policy.status() != PublicationStatus.PUBLISHED) {
			throw DomainException.notFound("policy");
		}
		List<FieldProblem> problems = PublicationRules.checkValidity(policy, to, replacedBy, lookups());
		if (note != null && note.length() > PublicationRules.SHORT_MAX) {
			problems = List.of(FieldProblem.of("note", "openness.pub.error.too-long", PublicationRules.SHORT_MAX));
		}
		if (!problems.isEmpty()) {
			return new Outcome(id, problems);
		}
		Optional<RevisionRow> open = repository.openRevision(id);
		RevisionRow live = repository.liveRevision(id).orElseThrow();
		LocalDate effective = on == null ? LocalDate.now(Clocks.ZONE) : on;
		PublicationContent proposed = live.content().withValidity(to, to == Validity.AMENDED ? replacedBy : null, effective, trimmed(note));
		UUID revision;
		if (open.isEmpty()) {
			revision = UUID.randomUUID();
			repository.insertRevision(revision, id, Purpose.VALIDITY, proposed, editor.id(), editor.name());
		}
		else if (open.get().purpose() == Purpose.VALIDITY && open.get().status() == RevisionStatus.DRAFT) {
			// a validity change the reviewer returned, proposed again
			revision = open.get().id();
			repository.updateDraft(revision, proposed);
		}
		else {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-in-review", "a revision is open");
		}
		repository.moveRevision(revision, RevisionStatus.DRAFT, RevisionStatus.IN_REVIEW, new RevisionStatus.RevisionSubmitted(revision),
				"submitted_at = now()");
		audit.record(AuditTrail.PUBLISH, editor.name(), subject(id), "proposed validity " + to + " from " + effective);
		return new Outcome(id, List.of());
	}

	/** Takes a published publication off the public site at once (its page is 404 from then on), with the reason. */
	public Outcome withdraw(StaffMember staff, UUID id, String reason) {
		PublicationRow publication = visible(staff, id);
		if (!staff.hasAny(Role.INFO_EDITOR, Role.INFO_REVIEWER, Role.DEPT_ADMIN)) {
			throw DomainException.notFound("publication");
		}
		if (reason == null || reason.isBlank()) {
			return new Outcome(id, List.of(FieldProblem.of("reason", "openness.pub.error.required")));
		}
		if (reason.length() > PublicationRules.SHORT_MAX) {
			return new Outcome(id, List.of(FieldProblem.of("reason", "openness.pub.error.too-long", PublicationRules.SHORT_MAX)));
		}
		repository.movePublication(id, PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN,
				new PublicationRetracted(id, publication.kind(), PublicationRetracted.Reason.WITHDRAWN), "withdrawn_reason = ?, withdrawn_at = ?",
				reason.strip(), OffsetDateTime.now(Clocks.ZONE));
		audit.record(AuditTrail.PUBLISH, staff.name(), subject(id), "withdrew: " + reason.strip());
		generation.changed();
		return new Outcome(id, List.of());
	}

	// ---- the reviewer

	/**
	 * The 保密审查 passed: the revision becomes the live version (the one before it superseded); a first version makes the
	 * publication public, a validity revision changes the policy's validity. Refused for the revision's own author.
	 */
	public void approve(StaffMember reviewer, UUID id, String note) {
		PublicationRow publication = reviewable(reviewer, id);
		RevisionRow revision = inReview(reviewer, id);
		if (publication.status() == PublicationStatus.WITHDRAWN) {
			throw new DomainException(DomainException.Kind.CONFLICT, PublicationStatus.CONFLICT, "withdrawn");
		}
		repository.liveRevision(id).ifPresent(live -> repository.moveRevision(live.id(), RevisionStatus.APPROVED, RevisionStatus.SUPERSEDED,
				new RevisionStatus.RevisionSuperseded(live.id()), ""));
		repository.moveRevision(revision.id(), RevisionStatus.IN_REVIEW, RevisionStatus.APPROVED, new RevisionStatus.RevisionApproved(revision.id()),
				"reviewer_id = ?, reviewer_name = ?, reviewed_at = now(), review_note = ?", reviewer.id(), reviewer.name(), trimmed(note));
		PublicationContent content = revision.content();
		repository.goLive(id, revision.versionNo(), content);
		if (publication.status() == PublicationStatus.DRAFT) {
			repository.movePublication(id, PublicationStatus.DRAFT, PublicationStatus.PUBLISHED, new PublicationStatus.FirstVersionApproved(id), "");
		}
		if (revision.purpose() == Purpose.VALIDITY && content.validity() != publication.validity()) {
			if (!repository.changeValidity(id, publication.validity(), content.validity(), content.replacedBy(), content.validityOn())) {
				throw new DomainException(DomainException.Kind.CONFLICT, "openness-validity-state", "validity changed meanwhile");
			}
			events.publishEvent(new PublicationRetracted(id, publication.kind(), content.validity().reason()));
		}
		else {
			PublicationRow live = repository.find(id).orElseThrow();
			if (live.isPublic() && live.validity() == Validity.VALID) {
				events.publishEvent(published(live, content));
			}
		}
		audit.record(AuditTrail.PUBLISH, reviewer.name(), subject(id), "confidentiality review passed, v" + revision.versionNo() + " published"
				+ (revision.purpose() == Purpose.VALIDITY ? " (validity " + content.validity() + ")" : "") + " (author " + revision.authorName() + ")");
		generation.changed();
	}

	/** The 保密审查 did not pass: the revision goes back to the editor with the reviewer's note. */
	public Outcome returnToEditor(StaffMember reviewer, UUID id, String note) {
		reviewable(reviewer, id);
		RevisionRow revision = inReview(reviewer, id);
		if (note == null || note.isBlank()) {
			return new Outcome(id, List.of(FieldProblem.of("note", "openness.pub.error.note-required")));
		}
		if (note.length() > PublicationRules.SHORT_MAX) {
			return new Outcome(id, List.of(FieldProblem.of("note", "openness.pub.error.too-long", PublicationRules.SHORT_MAX)));
		}
		repository.moveRevision(revision.id(), RevisionStatus.IN_REVIEW, RevisionStatus.DRAFT, new RevisionStatus.RevisionReturned(revision.id()),
				"reviewer_id = ?, reviewer_name = ?, reviewed_at = now(), review_note = ?", reviewer.id(), reviewer.name(), note.strip());
		audit.record(AuditTrail.PUBLISH, reviewer.name(), subject(id), "confidentiality review returned v" + revision.versionNo() + ": " + note.strip());
		return new Outcome(id, List.of());
	}

	// ---- who may

	/** The publication if this member of staff belongs to its department; otherwise it does not exist for them. */
	public PublicationRow visible(StaffMember staff, UUID id) {
		return repository.find(id)
			.filter(p -> staff.departmentCode() != null && staff.departmentCode().equals(p.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("publication"));
	}

	private PublicationRow editable(StaffMember editor, UUID id) {
		PublicationRow publication = visible(editor, id);
		requireEditor(editor);
		if (publication.status() == PublicationStatus.WITHDRAWN) {
			throw new DomainException(DomainException.Kind.CONFLICT, PublicationStatus.CONFLICT, "withdrawn");
		}
		return publication;
	}

	private static void requireEditor(StaffMember editor) {
		if (editor.departmentCode() == null || !editor.hasAny(Role.INFO_EDITOR, Role.DEPT_ADMIN)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "openness-not-editor", "not an editor of a department");
		}
	}

	private PublicationRow reviewable(StaffMember reviewer, UUID id) {
		PublicationRow publication = visible(reviewer, id);
		if (!reviewer.has(Role.INFO_REVIEWER)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "openness-not-reviewer", "not a reviewer");
		}
		return publication;
	}

	private RevisionRow inReview(StaffMember reviewer, UUID id) {
		RevisionRow revision = repository.openRevision(id).filter(r -> r.status() == RevisionStatus.IN_REVIEW)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "openness-not-in-review", "nothing in review"));
		if (revision.authorId().equals(reviewer.id())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-own-revision", "the author does not review their own revision");
		}
		return revision;
	}

	/** What search and the knowledge base take of a publication that became public: plain text, no markup. */
	static PublicationPublished published(PublicationRow live, PublicationContent content) {
		StringBuilder text = new StringBuilder();
		append(text, content.docNumber());
		append(text, content.summary());
		append(text, content.body());
		content.figures().forEach(f -> append(text, f.caption() + " " + f.alt()));
		content.questions().forEach(q -> append(text, q.question() + " " + q.answer()));
		List<String> departments = content.issuers().isEmpty() ? List.of(live.departmentCode()) : content.issuers();
		return new PublicationPublished(live.id(), live.kind(), content.title(), text.toString().strip(), departments, live.path(), content.publishedOn(),
				content.questions().stream().map(q -> new PublicationPublished.QuestionAnswer(q.question(), q.answer())).toList());
	}

	private static void append(StringBuilder text, String part) {
		if (part != null && !part.isBlank()) {
			text.append(part.strip()).append('\n');
		}
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static String subject(UUID id) {
		return "publication:" + id;
	}
}
