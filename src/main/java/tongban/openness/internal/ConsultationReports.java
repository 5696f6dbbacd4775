package tongban.openness.internal;

import static tongban.openness.internal.ConsultationRules.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.Adoption;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationComment;
import tongban.openness.domain.ConsultationEvents.ConsultationReported;
import tongban.openness.domain.ConsultationPhase;
import tongban.openness.domain.ConsultationQuestion;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationStatus;
import tongban.shared.DomainException;

/**
 * The 意见采纳情况 of a closed consultation, counted from its comments (never typed in): per theme how many were
 * received, published, held back, adopted, partly adopted and not adopted, with the reasons; published by an editor of
 * the department once every comment is moderated and every published one decided.
 */
@Service
public class ConsultationReports {

	private final ConsultationRepository consultations;
	private final AuditTrail audit;

	ConsultationReports(ConsultationRepository consultations, AuditTrail audit) {
		this.consultations = consultations;
		this.audit = audit;
	}

	/** The counts of one theme (or of all: {@code question} null). */
	public record Row(ConsultationQuestion question, long received, long published, long held, long pending, long adopted,
			long partly, long notAdopted, long undecided) {
	}

	/** The rows per question, the totals, and the published comments with their decisions, grouped by question id. */
	public record Report(List<Row> rows, Row total, Map<Long, List<ConsultationComment>> decided) {
	}

	public Report report(UUID consultationId) {
		List<ConsultationComment> comments = consultations.comments(consultationId, null);
		List<Row> rows = new ArrayList<>();
		for (ConsultationQuestion q : consultations.questions(consultationId)) {
			rows.add(row(q, comments.stream().filter(c -> c.questionId() == q.id()).toList()));
		}
		Map<Long, List<ConsultationComment>> decided = comments.stream()
			.filter(c -> c.status() == CommentStatus.PUBLISHED)
			.collect(Collectors.groupingBy(ConsultationComment::questionId));
		return new Report(rows, row(null, comments), decided);
	}

	private static Row row(ConsultationQuestion question, List<ConsultationComment> comments) {
		Function<CommentStatus, Long> in = s -> comments.stream().filter(c -> c.status() == s).count();
		List<ConsultationComment> published = comments.stream().filter(c -> c.status() == CommentStatus.PUBLISHED).toList();
		Function<Adoption, Long> adopted = a -> published.stream().filter(c -> c.adoption() == a).count();
		return new Row(question, comments.size(), in.apply(CommentStatus.PUBLISHED), in.apply(CommentStatus.HELD),
				in.apply(CommentStatus.PENDING), adopted.apply(Adoption.ADOPTED), adopted.apply(Adoption.PARTLY),
				adopted.apply(Adoption.NOT_ADOPTED), published.stream().filter(c -> c.adoption() == null).count());
	}

	/**
	 * Publishes the report of a closed consultation with the editor's note: refused while a comment waits for moderation
	 * or a published one for its decision.
	 */
	@Transactional
	public void publish(StaffMember editor, UUID consultationId, String note) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		Consultation c = ConsultationRules.own(consultations, editor, consultationId);
		if (c.status() != ConsultationStatus.PUBLISHED || c.phase(ConsultationDrafting.today()) != ConsultationPhase.CLOSED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-not-closed", "not closed or already reported");
		}
		Row total = report(consultationId).total();
		if (total.pending() > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-pending", "comments wait for moderation");
		}
		if (total.undecided() > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-undecided", "comments wait for a decision");
		}
		String text = trim(note);
		if (text.length() > 5000) {
			throw ConsultationRules.invalid("openness-consult-note");
		}
		consultations.move(consultationId, c.status(), ConsultationStatus.REPORTED, new ConsultationReported(consultationId),
				"report_note = ?, report_by = ?, report_published_at = now(), updated_at = now()", text.isEmpty() ? null : text,
				editor.name());
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "consultation:" + consultationId,
				"REPORT PUBLISHED: received " + total.received() + ", adopted " + total.adopted() + ", partly " + total.partly()
						+ ", not adopted " + total.notAdopted());
	}
}
