package tongban.openness.internal;

import static tongban.openness.internal.ConsultationRules.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.hotline.PhoneConfirmation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.Adoption;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationComment;
import tongban.openness.domain.ConsultationEvents.CommentHeld;
import tongban.openness.domain.ConsultationEvents.CommentPublished;
import tongban.openness.domain.ConsultationPhase;
import tongban.openness.domain.ConsultationQuestion;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationStatus;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.MobileNumber;

/**
 * Comments on a consultation: taken only while it is open (before its first day and after its last they are refused
 * with the date), from a signed-in account or with the phone confirmed by the hotline's SMS codes (one code mechanism
 * for the platform); moderated by an editor of the department (published, or held with a reason); after closing each
 * published comment is marked adopted, partly adopted or not, with a reason, which the report counts.
 */
@Service
public class ConsultationComments {

	/** The shortest and longest comment. */
	public static final int MIN_BODY = 5, MAX_BODY = 2000;

	private final ConsultationRepository consultations;
	private final PhoneConfirmation phones;
	private final AuditTrail audit;

	ConsultationComments(ConsultationRepository consultations, PhoneConfirmation phones, AuditTrail audit) {
		this.consultations = consultations;
		this.phones = phones;
		this.audit = audit;
	}

	/** What a person sends: the question (by id, as the form sends it), the text, and for the anonymous phone and code. */
	public record NewComment(String questionId, String body, String phone, String phoneCode) {
	}

	/** The outcome: the problems at their fields, or the new (pending) comment's id. */
	public record Commented(List<FieldProblem> problems, UUID id) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	/** A public consultation (published or reported), or not found. */
	public Consultation publicConsultation(UUID id) {
		return consultations.find(id).filter(c -> c.status().isPublic()).orElseThrow(ConsultationRepository::notFound);
	}

	/** Sends the SMS code that confirms an anonymous commenter's phone, only while the consultation takes comments. */
	public Optional<FieldProblem> sendCode(UUID consultationId, String phone) {
		Optional<FieldProblem> closed = notOpen(publicConsultation(consultationId));
		return closed.isPresent() ? closed : phones.sendCode(phone, PhoneConfirmation.Purpose.CONSULTATION);
	}

	/** Why a consultation takes no comment today (with the date), or empty while it is open. */
	private static Optional<FieldProblem> notOpen(Consultation c) {
		ConsultationPhase phase = c.status() == ConsultationStatus.REPORTED ? ConsultationPhase.CLOSED
				: c.phase(ConsultationDrafting.today());
		return switch (phase) {
			case CLOSED -> Optional.of(FieldProblem.of("body", "openness.consult.error.closed", ConsultationRules.chineseDate(c.endsOn())));
			case UPCOMING -> Optional.of(FieldProblem.of("body", "openness.consult.error.notYet", ConsultationRules.chineseDate(c.startsOn())));
			case OPEN -> Optional.empty();
		};
	}

	/**
	 * Takes a comment, pending moderation. {@code accountId} null: anonymous, with the phone and its SMS code (checked
	 * last, so that a wrong code counts as a try only for an otherwise complete comment).
	 */
	@Transactional
	public Commented comment(UUID consultationId, NewComment comment, UUID accountId) {
		Consultation c = publicConsultation(consultationId);
		Optional<FieldProblem> closed = notOpen(c);
		if (closed.isPresent()) {
			return refused(closed.get());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Optional<ConsultationQuestion> question = consultations.questions(consultationId)
			.stream()
			.filter(q -> Long.toString(q.id()).equals(trim(comment.questionId())))
			.findFirst();
		if (question.isEmpty()) {
			problems.add(FieldProblem.of("questionId", "openness.consult.error.questionId"));
		}
		String body = trim(comment.body());
		if (body.isEmpty()) {
			problems.add(FieldProblem.of("body", "openness.consult.error.body.empty"));
		}
		else if (body.length() < MIN_BODY || body.length() > MAX_BODY) {
			problems.add(FieldProblem.of("body", "openness.consult.error.length", MIN_BODY, MAX_BODY));
		}
		String phone = trim(comment.phone()).replace(" ", "");
		if (accountId == null) {
			if (phone.isEmpty()) {
				problems.add(FieldProblem.of("phone", "hotline.error.phone.empty"));
			}
			else if (!MobileNumber.valid(phone)) {
				problems.add(FieldProblem.of("phone", "hotline.error.phone.format"));
			}
		}
		if (!problems.isEmpty()) {
			return new Commented(problems, null);
		}
		if (accountId == null) {
			Optional<FieldProblem> code = phones.confirm(phone, comment.phoneCode(), PhoneConfirmation.Purpose.CONSULTATION);
			if (code.isPresent()) {
				return refused(code.get());
			}
		}
		UUID id = UUID.randomUUID();
		consultations.insertComment(id, consultationId, question.get().id(), body, accountId, accountId == null ? phone : null);
		return new Commented(List.of(), id);
	}

	private static Commented refused(FieldProblem problem) {
		return new Commented(List.of(problem), null);
	}

	/** The editor publishes a pending or held comment. */
	@Transactional
	public void publish(StaffMember editor, UUID commentId) {
		ConsultationComment comment = moderatable(editor, commentId);
		consultations.moveComment(commentId, comment.status(), CommentStatus.PUBLISHED,
				new CommentPublished(commentId, comment.consultationId()), "hold_reason = null, moderated_by = ?, moderated_at = now()",
				editor.name());
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "consultation-comment:" + commentId, "PUBLISHED");
	}

	/** The editor holds a pending comment back with a reason the commenter sees. */
	@Transactional
	public void hold(StaffMember editor, UUID commentId, String reason) {
		ConsultationComment comment = moderatable(editor, commentId);
		String text = trim(reason);
		if (text.length() < 4 || text.length() > 500) {
			throw ConsultationRules.invalid("openness-consult-hold-reason");
		}
		consultations.moveComment(commentId, comment.status(), CommentStatus.HELD, new CommentHeld(commentId, comment.consultationId()),
				"hold_reason = ?, moderated_by = ?, moderated_at = now()", text, editor.name());
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "consultation-comment:" + commentId, "HELD: " + text);
	}

	/**
	 * After closing and before the report, the editor marks a published comment adopted, partly adopted or not adopted;
	 * the last two with a reason (the report shows it).
	 */
	@Transactional
	public void adopt(StaffMember editor, UUID commentId, String adoption, String reason) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		ConsultationComment comment = consultations.comment(commentId).orElseThrow(ConsultationRepository::notFound);
		Consultation c = ConsultationRules.own(consultations, editor, comment.consultationId());
		if (c.status() != ConsultationStatus.PUBLISHED || c.phase(ConsultationDrafting.today()) != ConsultationPhase.CLOSED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-not-closed", "not closed or already reported");
		}
		if (comment.status() != CommentStatus.PUBLISHED) {
			throw new DomainException(DomainException.Kind.CONFLICT, CommentStatus.CONFLICT, "only published comments are adopted");
		}
		Adoption decided;
		try {
			decided = Adoption.valueOf(trim(adoption));
		}
		catch (IllegalArgumentException e) {
			throw ConsultationRules.invalid("openness-consult-adoption");
		}
		String text = trim(reason);
		if (decided.needsReason() && text.length() < 4 || text.length() > 1000) {
			throw ConsultationRules.invalid("openness-consult-adoption-reason");
		}
		consultations.adopt(commentId, decided, text.isEmpty() ? null : text);
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "consultation-comment:" + commentId,
				"ADOPTION " + decided + (text.isEmpty() ? "" : ": " + text));
	}

	private ConsultationComment moderatable(StaffMember editor, UUID commentId) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		ConsultationComment comment = consultations.comment(commentId).orElseThrow(ConsultationRepository::notFound);
		Consultation c = ConsultationRules.own(consultations, editor, comment.consultationId());
		if (c.status() != ConsultationStatus.PUBLISHED) {
			throw new DomainException(DomainException.Kind.CONFLICT, ConsultationStatus.CONFLICT, "reported: moderation is over");
		}
		return comment;
	}
}
