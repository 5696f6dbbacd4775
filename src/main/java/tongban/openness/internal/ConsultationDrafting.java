package tongban.openness.internal;

import static tongban.openness.internal.ConsultationRules.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationEvents.ConsultationPublished;
import tongban.openness.domain.ConsultationEvents.ConsultationReturned;
import tongban.openness.domain.ConsultationEvents.ConsultationSubmitted;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationRepository.Draft;
import tongban.openness.domain.ConsultationStatus;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;
import tongban.shared.Upload;

/**
 * A department's consultation from draft to publication: an INFO_EDITOR of the department writes it (a period shorter
 * than 30 days is warned of, never refused), sends it to review, and an INFO_REVIEWER of the same department who is not
 * its author publishes it or returns it with a reason — the same four-eyes rule as publications. Every step is audited.
 */
@Service
public class ConsultationDrafting {

	/** The audit trail's kind for every staff step on a consultation. */
	public static final String AUDIT_KIND = "OPENNESS_CONSULTATION";

	private final ConsultationRepository consultations;
	private final FileStore files;
	private final AuditTrail audit;

	ConsultationDrafting(ConsultationRepository consultations, FileStore files, AuditTrail audit) {
		this.consultations = consultations;
		this.files = files;
		this.audit = audit;
	}

	/** The outcome of saving: the problems at their fields, or the consultation's id and whether its period is short. */
	public record Saved(List<FieldProblem> problems, UUID id, boolean shortPeriod) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	/** A new draft of the editor's department; nothing is saved when a field is refused. */
	@Transactional
	public Saved create(StaffMember editor, ConsultationInput input, Upload file) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		if (editor.departmentCode() == null) {
			throw ConsultationRepository.notFound();
		}
		List<FieldProblem> problems = new ArrayList<>();
		Draft draft = ConsultationRules.draft(input, today(), problems);
		Optional<String> type = checked(file, problems);
		if (!problems.isEmpty()) {
			return new Saved(problems, null, false);
		}
		UUID id = UUID.randomUUID();
		consultations.insert(id, editor.departmentCode(), draft, editor.id(), editor.name());
		type.ifPresent(contentType -> store(id, file, contentType));
		audit.record(AUDIT_KIND, "staff:" + editor.id(), "consultation:" + id, "DRAFTED " + draft.title());
		return new Saved(List.of(), id, consultations.require(id).shortPeriod());
	}

	/** Rewrites a draft of the editor's department; a new file replaces the old one, {@code removeFile} drops it. */
	@Transactional
	public Saved update(StaffMember editor, UUID id, ConsultationInput input, Upload file, boolean removeFile) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		Consultation c = ConsultationRules.own(consultations, editor, id);
		if (c.status() != ConsultationStatus.DRAFT) {
			throw new DomainException(DomainException.Kind.CONFLICT, ConsultationStatus.CONFLICT, "not a draft");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Draft draft = ConsultationRules.draft(input, today(), problems);
		Optional<String> type = checked(file, problems);
		if (!problems.isEmpty()) {
			return new Saved(problems, id, false);
		}
		consultations.update(id, draft);
		if (type.isPresent() || removeFile) {
			consultations.detach(id).ifPresent(this::deleteAfterCommit);
		}
		type.ifPresent(contentType -> store(id, file, contentType));
		audit.record(AUDIT_KIND, "staff:" + editor.id(), "consultation:" + id, "EDITED " + draft.title());
		return new Saved(List.of(), id, consultations.require(id).shortPeriod());
	}

	/** The editor sends the draft to the department's reviewer. */
	@Transactional
	public void submit(StaffMember editor, UUID id) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		Consultation c = ConsultationRules.own(consultations, editor, id);
		consultations.move(id, c.status(), ConsultationStatus.IN_REVIEW, new ConsultationSubmitted(id), "return_reason = null, updated_at = now()");
		audit.record(AUDIT_KIND, "staff:" + editor.id(), "consultation:" + id, "SUBMITTED for review");
	}

	/** The reviewer signs it off: public from now, open from its first day. Not by its author. */
	@Transactional
	public void approve(StaffMember reviewer, UUID id) {
		Consultation c = reviewable(reviewer, id);
		consultations.move(id, c.status(), ConsultationStatus.PUBLISHED, new ConsultationPublished(id),
				"reviewer_name = ?, published_at = now(), updated_at = now()", reviewer.name());
		audit.record(AUDIT_KIND, "staff:" + reviewer.id(), "consultation:" + id, "REVIEWED and PUBLISHED"
				+ (c.shortPeriod() ? " (period of " + c.days() + " days, shorter than recommended)" : ""));
	}

	/** The reviewer returns it to the editor with a reason (at least four characters). */
	@Transactional
	public void returnToEditor(StaffMember reviewer, UUID id, String reason) {
		Consultation c = reviewable(reviewer, id);
		String text = trim(reason);
		if (text.length() < 4 || text.length() > 1000) {
			throw ConsultationRules.invalid("openness-consult-reason");
		}
		consultations.move(id, c.status(), ConsultationStatus.DRAFT, new ConsultationReturned(id),
				"return_reason = ?, updated_at = now()", text);
		audit.record(AUDIT_KIND, "staff:" + reviewer.id(), "consultation:" + id, "RETURNED: " + text);
	}

	private Consultation reviewable(StaffMember reviewer, UUID id) {
		ConsultationRules.require(reviewer, Role.INFO_REVIEWER);
		Consultation c = ConsultationRules.own(consultations, reviewer, id);
		if (reviewer.id().equals(c.authorId())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-own-review", "the author cannot review");
		}
		return c;
	}

	private Optional<String> checked(Upload file, List<FieldProblem> problems) {
		if (file == null || file.bytes() == null || file.bytes().length == 0) {
			return Optional.empty();
		}
		return ConsultationRules.fileType(file, problems);
	}

	private void store(UUID id, Upload file, String contentType) {
		FileStore.Stored stored = files.put(file.bytes(), contentType, ConsultationRules.safeName(file.name()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						files.delete(stored.id());
					}
				}
			});
		}
		consultations.attach(id, stored);
	}

	private void deleteAfterCommit(String fileId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				files.delete(fileId);
			}
		});
	}

	static LocalDate today() {
		return LocalDate.now(Clocks.ZONE);
	}
}
