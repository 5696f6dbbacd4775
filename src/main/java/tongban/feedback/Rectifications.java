package tongban.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.feedback.FeedbackEvents.RaterRevisited;
import tongban.feedback.FeedbackEvents.RectificationDone;
import tongban.feedback.FeedbackEvents.RectificationVerified;
import tongban.feedback.internal.FeedbackProperties;
import tongban.feedback.internal.domain.RatingRepository;
import tongban.feedback.internal.domain.RectificationRepository;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * 差评整改: a bad rating (不满意, 非常不满意) opens a task for the department: verify within N working days, rectify or
 * explain within M more, then revisit a real-name rater, who may rate once more. The task's moves are
 * {@link RectificationStatus#GRAPH}; a step that is not the task's current one is a CONFLICT
 * ({@code rectification-state}). Another department's task is not found.
 */
@Service
public class Rectifications {

	public static final int MAX_NOTE = 1000;

	private final RectificationRepository tasks;
	private final RatingRepository ratings;
	private final Appeals appeals;
	private final DataKeys keys;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final NotificationManagement notifications;
	private final WorkingCalendars calendars;
	private final RatingStatistics statistics;
	private final FeedbackProperties properties;
	private final String baseUrl;

	Rectifications(RectificationRepository tasks, RatingRepository ratings, Appeals appeals, DataKeys keys,
			IdentityManagement identity, DirectoryManagement directory, NotificationManagement notifications, WorkingCalendars calendars,
			RatingStatistics statistics, FeedbackProperties properties, @Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.tasks = tasks;
		this.ratings = ratings;
		this.appeals = appeals;
		this.keys = keys;
		this.identity = identity;
		this.directory = directory;
		this.notifications = notifications;
		this.calendars = calendars;
		this.statistics = statistics;
		this.properties = properties;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Opens the task of a bad rating, with its deadlines in working days from today. */
	void open(RatingView rating) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		WorkingCalendar calendar = calendars.current();
		LocalDate verifyDue = calendar.addWorkingDays(today, properties.verifyDays());
		LocalDate rectifyDue = calendar.addWorkingDays(verifyDue, properties.rectifyDays());
		tasks.open(rating.id(), rating.departmentCode(), rating.regionCode(), today, verifyDue, rectifyDue);
		statistics.countRectification(rating, 1, 0, 0);
	}

	/** The department's tasks: open ones first, the earliest deadline first. */
	@Transactional(readOnly = true)
	public List<TaskDetail> tasks(StaffMember staff) {
		if (!FeedbackRoles.worksOwnDepartment(staff)) {
			return List.of();
		}
		return tasks.ofDepartment(staff.departmentCode()).stream().map(this::detail).toList();
	}

	private TaskDetail detail(RectificationTask task) {
		return new TaskDetail(task, ratings.find(task.ratingId()).orElseThrow(), appeals.of(task.ratingId()));
	}

	/** One task of the staff member's department; any other is not found. */
	@Transactional(readOnly = true)
	public TaskDetail task(StaffMember staff, UUID id) {
		return detail(ownTask(staff, id));
	}

	private RectificationTask ownTask(StaffMember staff, UUID id) {
		return tasks.find(id).filter(task -> FeedbackRoles.works(staff, task.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("task"));
	}

	/** A note as a step needs it: given, and not too long. */
	static String note(String note) {
		if (note == null || note.isBlank()) {
			throw new InvalidFeedback(Map.of("note", "feedback.error.note"));
		}
		if (note.strip().length() > MAX_NOTE) {
			throw new InvalidFeedback(Map.of("note", "feedback.error.noteLength"));
		}
		return note.strip();
	}

	/** 核实: what the department found when it checked the rating (called the rater, read the case). */
	@Transactional
	public void verify(StaffMember staff, UUID id, String note) {
		ownTask(staff, id);
		String text = note(note);
		tasks.move(id, RectificationStatus.VERIFYING, RectificationStatus.RECTIFYING, new RectificationVerified(id),
				"verified_at = now(), verified_by = ?, verification = ?", staff.name(), text);
	}

	/**
	 * 整改 (RECTIFIED: what was fixed) or 解释 (EXPLAINED: why the rater's request has no legal basis); {@code outcome} null
	 * when none was chosen. A real-name rating then waits for the revisit; an anonymous one closes. On time when verified
	 * and rectified within their deadlines.
	 */
	@Transactional
	public void rectify(StaffMember staff, UUID id, RectificationOutcome outcome, String note) {
		RectificationTask task = ownTask(staff, id);
		if (outcome == null) {
			throw new InvalidFeedback(Map.of("outcome", "feedback.error.outcome"));
		}
		String text = note(note);
		if (task.status() != RectificationStatus.RECTIFYING) {
			throw new DomainException(DomainException.Kind.CONFLICT, RectificationStatus.CONFLICT, "not at this step");
		}
		RatingView rating = ratings.find(task.ratingId()).orElseThrow();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		boolean onTime = !task.verifiedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().isAfter(task.verifyDue())
				&& !today.isAfter(task.rectifyDue());
		RectificationStatus next = rating.raterAccountId() != null ? RectificationStatus.REVISITING : RectificationStatus.CLOSED;
		tasks.move(id, RectificationStatus.RECTIFYING, next, new RectificationDone(id, outcome),
				"rectified_at = now(), rectified_by = ?, outcome = ?, rectification = ?, on_time = ?", staff.name(), outcome.name(), text, onTime);
		if (!rating.excluded()) {
			statistics.countRectification(rating, 0, 1, onTime ? 1 : 0);
		}
	}

	/**
	 * 回访: the department reached the rater and records what they said; the rater is told in-app what was done and that
	 * they may rate once more. Required for every real-name rating (国办发〔2019〕51号).
	 */
	@Transactional
	public void revisit(StaffMember staff, UUID id, String note) {
		RectificationTask task = ownTask(staff, id);
		String text = note(note);
		tasks.move(id, RectificationStatus.REVISITING, RectificationStatus.CLOSED, new RaterRevisited(id),
				"revisited_at = now(), revisited_by = ?, revisit_note = ?", staff.name(), keys.encrypt(text));
		RatingView rating = ratings.find(task.ratingId()).orElseThrow();
		String department = directory.departmentByCode(task.departmentCode()).map(d -> d.name()).orElse(task.departmentCode());
		identity.contact(rating.raterAccountId()).ifPresent(contact -> notifications.notify(
				contact.recipient(), "RATING_REVISITED",
				Map.of("subject", rating.subjectLabel(), "department", department, "outcome",
						task.rectification() == null ? "" : task.rectification()),
				rating.caseId() == null ? null : baseUrl + "/cases/" + rating.caseId() + "/rating"));
	}
}
