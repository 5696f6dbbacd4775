package tongban.openness.internal;

import static tongban.openness.internal.ConsultationRules.trim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.ConsultationInterview;
import tongban.openness.domain.ConsultationInterview.InterviewTranscribed;
import tongban.openness.domain.ConsultationInterview.Status;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.GuardedMoves;

/**
 * 在线访谈 (optional part of issue #17): an editor of a department schedules an interview with a guest; signed-in people
 * send questions until it starts; after it the editor publishes the transcript. Every staff step is audited.
 */
@Service
public class ConsultationInterviews {

	private static final String COLUMNS = "id, department_code, title, guest, summary, starts_at, status, transcript, transcript_at";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final GuardedMoves<Status> moves;

	ConsultationInterviews(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.moves = new GuardedMoves<>(jdbc, events, ConsultationInterview.GRAPH, "openness_consultation_interview");
	}

	/** What an editor types: the time as the form's {@code datetime-local} value (China Standard Time). */
	public record Schedule(String title, String guest, String summary, String startsAt) {
	}

	/** A question as the public sees it (no name). */
	public record Question(String body, OffsetDateTime at) {
	}

	/** Schedules an interview of the editor's department: the problems at their fields, or its id. */
	@Transactional
	public UUID schedule(StaffMember editor, Schedule schedule, List<FieldProblem> problems) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		if (editor.departmentCode() == null) {
			throw ConsultationRules.invalid("openness-consult-role");
		}
		String title = trim(schedule.title()), guest = trim(schedule.guest()), summary = trim(schedule.summary());
		check(problems, "title", title, 4, 120);
		check(problems, "guest", guest, 2, 100);
		check(problems, "summary", summary, 10, 2000);
		OffsetDateTime startsAt = null;
		try {
			startsAt = LocalDateTime.parse(trim(schedule.startsAt())).atZone(Clocks.ZONE).toOffsetDateTime();
			if (startsAt.isBefore(now())) {
				problems.add(FieldProblem.of("startsAt", "openness.consult.interview.error.past"));
			}
		}
		catch (DateTimeParseException e) {
			problems.add(FieldProblem.of("startsAt", "openness.consult.error.date"));
		}
		if (!problems.isEmpty()) {
			return null;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into openness_consultation_interview (id, department_code, title, guest, summary, starts_at, status, created_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, editor.departmentCode(), title, guest, summary, startsAt, Status.SCHEDULED.name(), editor.name())
			.update();
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "interview:" + id, "SCHEDULED " + title + " at " + startsAt);
		return id;
	}

	public Optional<ConsultationInterview> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from openness_consultation_interview where id = ?").param(id).query(this::row).optional();
	}

	public ConsultationInterview require(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("interview"));
	}

	/** Every interview, the latest first. */
	public List<ConsultationInterview> all() {
		return jdbc.sql("select " + COLUMNS + " from openness_consultation_interview order by starts_at desc limit 200").query(this::row).list();
	}

	/** A signed-in person's question before the interview starts; the problem at the field {@code body}, if any. */
	@Transactional
	public Optional<FieldProblem> ask(UUID interviewId, UUID accountId, String question) {
		ConsultationInterview interview = require(interviewId);
		if (interview.started(now())) {
			return Optional.of(FieldProblem.of("body", "openness.consult.interview.error.started"));
		}
		String body = trim(question);
		if (body.length() < 5 || body.length() > 500) {
			return Optional.of(FieldProblem.of("body", "openness.consult.error.length", 5, 500));
		}
		jdbc.sql("insert into openness_consultation_interview_question (id, interview_id, body, account_id) values (?, ?, ?, ?)")
			.params(UUID.randomUUID(), interviewId, body, accountId)
			.update();
		return Optional.empty();
	}

	public List<Question> questions(UUID interviewId) {
		return jdbc.sql("select body, created_at from openness_consultation_interview_question where interview_id = ? order by created_at, id")
			.param(interviewId)
			.query((rs, row) -> new Question(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	/** After the interview has started, an editor of its department publishes the transcript. */
	@Transactional
	public void publishTranscript(StaffMember editor, UUID interviewId, String transcript) {
		ConsultationRules.require(editor, Role.INFO_EDITOR);
		ConsultationInterview interview = require(interviewId);
		if (!interview.departmentCode().equals(editor.departmentCode())) {
			throw DomainException.notFound("interview");
		}
		if (!interview.started(now())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "openness-consult-interview-not-started", "not started");
		}
		String text = trim(transcript);
		if (text.length() < 20 || text.length() > 100_000) {
			throw ConsultationRules.invalid("openness-consult-transcript");
		}
		moves.move(interviewId, interview.status(), Status.TRANSCRIBED, new InterviewTranscribed(interviewId), ConsultationInterview.CONFLICT,
				"transcript = ?, transcript_by = ?, transcript_at = now()", text, editor.name());
		audit.record(ConsultationDrafting.AUDIT_KIND, "staff:" + editor.id(), "interview:" + interviewId, "TRANSCRIPT PUBLISHED");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(Clocks.ZONE);
	}

	private static void check(List<FieldProblem> problems, String field, String value, int min, int max) {
		if (value.length() < min || value.length() > max) {
			problems.add(FieldProblem.of(field, "openness.consult.error.length", min, max));
		}
	}

	private ConsultationInterview row(ResultSet rs, int row) throws SQLException {
		return new ConsultationInterview(rs.getObject("id", UUID.class), rs.getString("department_code"), rs.getString("title"),
				rs.getString("guest"), rs.getString("summary"), rs.getObject("starts_at", OffsetDateTime.class),
				Status.valueOf(rs.getString("status")), rs.getString("transcript"), rs.getObject("transcript_at", OffsetDateTime.class));
	}
}
