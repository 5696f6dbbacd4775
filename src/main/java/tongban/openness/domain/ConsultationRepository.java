package tongban.openness.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.GuardedMoves;

/** Consultations, their questions and comments (JdbcClient, ADR 0017); statuses move only along their graphs. */
@Repository
public class ConsultationRepository {

	private static final String COLUMNS = "id, department_code, title, doc_kind, draft, background, starts_on, ends_on, status, "
			+ "file_id, file_name, file_type, file_size, author_id, author_name, reviewer_name, return_reason, published_at, "
			+ "report_note, report_by, report_published_at";
	private static final String COMMENT_COLUMNS = "id, consultation_id, question_id, body, account_id, status, hold_reason, "
			+ "moderated_by, moderated_at, adoption, adoption_reason, created_at";

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final GuardedMoves<ConsultationStatus> consultationMoves;
	private final GuardedMoves<CommentStatus> commentMoves;

	ConsultationRepository(JdbcClient jdbc, DataKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.consultationMoves = new GuardedMoves<>(jdbc, events, ConsultationStatus.GRAPH, "openness_consultation");
		this.commentMoves = new GuardedMoves<>(jdbc, events, CommentStatus.GRAPH, "openness_consultation_comment");
	}

	/** What an editor writes; the same for a new draft and a changed one. */
	public record Draft(String title, String docKind, String draft, String background, LocalDate startsOn, LocalDate endsOn,
			List<Theme> questions) {
	}

	/** A question under its theme, as written. */
	public record Theme(String theme, String question) {
	}

	public static DomainException notFound() {
		return DomainException.notFound("consultation");
	}

	public void insert(UUID id, String departmentCode, Draft draft, UUID authorId, String authorName) {
		jdbc.sql("""
				insert into openness_consultation (id, department_code, title, doc_kind, draft, background, starts_on, ends_on,
				  status, author_id, author_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, departmentCode, draft.title(), draft.docKind(), draft.draft(), draft.background(), draft.startsOn(),
					draft.endsOn(), ConsultationStatus.DRAFT.name(), authorId, authorName)
			.update();
		insertQuestions(id, draft.questions());
	}

	/** Rewrites a draft (only while it is a draft, and before anyone commented: a draft has no comments). */
	public void update(UUID id, Draft draft) {
		int updated = jdbc.sql("""
				update openness_consultation set title = ?, doc_kind = ?, draft = ?, background = ?, starts_on = ?, ends_on = ?,
				  updated_at = now() where id = ? and status = ?""")
			.params(draft.title(), draft.docKind(), draft.draft(), draft.background(), draft.startsOn(), draft.endsOn(), id,
					ConsultationStatus.DRAFT.name())
			.update();
		if (updated == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, ConsultationStatus.CONFLICT, "not a draft");
		}
		jdbc.sql("delete from openness_consultation_question where consultation_id = ?").param(id).update();
		insertQuestions(id, draft.questions());
	}

	private void insertQuestions(UUID id, List<Theme> questions) {
		for (int i = 0; i < questions.size(); i++) {
			jdbc.sql("insert into openness_consultation_question (consultation_id, position, theme, question) values (?, ?, ?, ?)")
				.params(id, i + 1, questions.get(i).theme(), questions.get(i).question())
				.update();
		}
	}

	public void attach(UUID id, FileStore.Stored file) {
		jdbc.sql("update openness_consultation set file_id = ?, file_name = ?, file_type = ?, file_size = ?, file_sha256 = ? where id = ?")
			.params(file.id(), file.originalName(), file.contentType(), file.size(), file.sha256(), id)
			.update();
	}

	/** Removes the attachment from the record; the id of the file that was attached, to delete after commit. */
	public Optional<String> detach(UUID id) {
		Optional<String> file = jdbc.sql("select file_id from openness_consultation where id = ? and file_id is not null")
			.param(id)
			.query(String.class)
			.optional();
		jdbc.sql("update openness_consultation set file_id = null, file_name = null, file_type = null, file_size = null, "
				+ "file_sha256 = null where id = ?").param(id).update();
		return file;
	}

	public Optional<Consultation> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from openness_consultation where id = ?").param(id).query(this::consultation).optional();
	}

	public Consultation require(UUID id) {
		return find(id).orElseThrow(ConsultationRepository::notFound);
	}

	/** A department's consultations, newest first. */
	public List<Consultation> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from openness_consultation where department_code = ? order by created_at desc limit 500")
			.param(departmentCode)
			.query(this::consultation)
			.list();
	}

	/** Every public consultation, latest period first. */
	public List<Consultation> published() {
		return jdbc.sql("select " + COLUMNS + " from openness_consultation where status in ('PUBLISHED', 'REPORTED') "
				+ "order by ends_on desc, starts_on desc limit 1000")
			.query(this::consultation)
			.list();
	}

	public List<ConsultationQuestion> questions(UUID consultationId) {
		return jdbc.sql("select id, position, theme, question from openness_consultation_question where consultation_id = ? order by position")
			.param(consultationId)
			.query((rs, row) -> new ConsultationQuestion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Moves the consultation along its graph, setting {@code changes} in the same guarded update. */
	public void move(UUID id, ConsultationStatus from, ConsultationStatus to, Object event, String changes, Object... params) {
		consultationMoves.move(id, from, to, event, ConsultationStatus.CONFLICT, changes, params);
	}

	// ---- comments

	/** Saves a pending comment: from an account, or with the phone (stored encrypted, with its blind index). */
	public void insertComment(UUID id, UUID consultationId, long questionId, String body, UUID accountId, String phone) {
		jdbc.sql("""
				insert into openness_consultation_comment (id, consultation_id, question_id, body, account_id, phone, phone_index, status)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, consultationId, questionId, body, accountId, phone == null ? null : keys.encrypt(phone),
					phone == null ? null : keys.blindIndex(phone), CommentStatus.PENDING.name())
			.update();
	}

	public Optional<ConsultationComment> comment(UUID id) {
		return jdbc.sql("select " + COMMENT_COLUMNS + " from openness_consultation_comment where id = ?")
			.param(id)
			.query(this::commentRow)
			.optional();
	}

	/** A consultation's comments, oldest first; {@code status} null: all of them. */
	public List<ConsultationComment> comments(UUID consultationId, CommentStatus status) {
		return jdbc.sql("select " + COMMENT_COLUMNS + " from openness_consultation_comment where consultation_id = ? "
				+ "and (?::text is null or status = ?::text) order by created_at, id")
			.params(consultationId, status == null ? null : status.name(), status == null ? null : status.name())
			.query(this::commentRow)
			.list();
	}

	/** The comments an account sent on a consultation, newest first. */
	public List<ConsultationComment> commentsOf(UUID consultationId, UUID accountId) {
		return jdbc.sql("select " + COMMENT_COLUMNS + " from openness_consultation_comment where consultation_id = ? and account_id = ? "
				+ "order by created_at desc")
			.params(consultationId, accountId)
			.query(this::commentRow)
			.list();
	}

	/** How many comments are in each status. */
	public Map<CommentStatus, Long> counts(UUID consultationId) {
		Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
		for (CommentStatus s : CommentStatus.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("select status, count(*) from openness_consultation_comment where consultation_id = ? group by status")
			.param(consultationId)
			.query((rs, row) -> counts.put(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	public void moveComment(UUID id, CommentStatus from, CommentStatus to, Object event, String changes, Object... params) {
		commentMoves.move(id, from, to, event, CommentStatus.CONFLICT, changes, params);
	}

	public void adopt(UUID commentId, Adoption adoption, String reason) {
		jdbc.sql("update openness_consultation_comment set adoption = ?, adoption_reason = ? where id = ? and status = ?")
			.params(adoption.name(), reason, commentId, CommentStatus.PUBLISHED.name())
			.update();
	}

	private Consultation consultation(ResultSet rs, int row) throws SQLException {
		Long size = rs.getObject("file_size", Long.class);
		return new Consultation(rs.getObject("id", UUID.class), rs.getString("department_code"), rs.getString("title"),
				rs.getString("doc_kind"), rs.getString("draft"), rs.getString("background"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), ConsultationStatus.valueOf(rs.getString("status")), rs.getString("file_id"),
				rs.getString("file_name"), rs.getString("file_type"), size, rs.getObject("author_id", UUID.class),
				rs.getString("author_name"), rs.getString("reviewer_name"), rs.getString("return_reason"),
				rs.getObject("published_at", OffsetDateTime.class), rs.getString("report_note"), rs.getString("report_by"),
				rs.getObject("report_published_at", OffsetDateTime.class));
	}

	private ConsultationComment commentRow(ResultSet rs, int row) throws SQLException {
		String adoption = rs.getString("adoption");
		return new ConsultationComment(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
				rs.getLong("question_id"), rs.getString("body"), rs.getObject("account_id", UUID.class),
				CommentStatus.valueOf(rs.getString("status")), rs.getString("hold_reason"), rs.getString("moderated_by"),
				rs.getObject("moderated_at", OffsetDateTime.class), adoption == null ? null : Adoption.valueOf(adoption),
				rs.getString("adoption_reason"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
