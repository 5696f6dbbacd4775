package tongban.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.feedback.FeedbackEvents.AppealRejected;
import tongban.feedback.FeedbackEvents.AppealUpheld;
import tongban.feedback.FeedbackEvents.RatingExcluded;
import tongban.feedback.internal.domain.RatingRepository;
import tongban.feedback.internal.domain.RectificationRepository;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/**
 * 申诉: the department admin may appeal a bad rating of the department as mistaken or malicious, once; a supervisor of
 * the region decides ({@link AppealStatus#GRAPH}). An upheld appeal takes the rating, and its rectification task, out of
 * the statistics; the rating stays, marked, for supervisors. Each decision is recorded in the audit trail.
 */
@Service
public class Appeals {

	private static final String SELECT = """
			select id, rating_id, department_code, region_code, ground, reason, status, filed_by, filed_at, decided_by, decided_at, decision_note
			from feedback_appeal""";

	private final JdbcClient jdbc;
	private final RatingRepository ratings;
	private final RectificationRepository tasks;
	private final RatingStatistics statistics;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	Appeals(JdbcClient jdbc, RatingRepository ratings, RectificationRepository tasks, RatingStatistics statistics, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.tasks = tasks;
		this.statistics = statistics;
		this.audit = audit;
		this.events = events;
	}

	private static DomainException state(String message) {
		return new DomainException(DomainException.Kind.CONFLICT, AppealStatus.CONFLICT, message);
	}

	/** The rating's appeal, if the department filed one. */
	public Optional<Appeal> of(UUID ratingId) {
		return jdbc.sql(SELECT + " where rating_id = ?").param(ratingId).query(Appeal.class).optional();
	}

	/** The department admin appeals a bad rating of the department as mistaken or malicious, with the reason; once per rating. */
	@Transactional
	public Appeal appeal(StaffMember staff, UUID ratingId, String ground, String reason) {
		RatingView rating = ratings.find(ratingId).filter(r -> FeedbackRoles.works(staff, r.departmentCode()) && staff.has(Role.DEPT_ADMIN))
			.orElseThrow(() -> DomainException.notFound("rating"));
		Map<String, String> problems = new LinkedHashMap<>();
		if (!Appeal.GROUNDS.contains(ground)) {
			problems.put("ground", "feedback.error.ground");
		}
		if (reason == null || reason.isBlank()) {
			problems.put("reason", "feedback.error.appealReason");
		}
		else if (reason.strip().length() > Rectifications.MAX_NOTE) {
			problems.put("reason", "feedback.error.noteLength");
		}
		if (!problems.isEmpty()) {
			throw new InvalidFeedback(problems);
		}
		if (!rating.level().bad() || !rating.counted() || of(ratingId).isPresent()) {
			throw state("no appeal possible");
		}
		try {
			jdbc.sql("""
					insert into feedback_appeal (id, rating_id, department_code, region_code, ground, reason, status, filed_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), ratingId, rating.departmentCode(), rating.regionCode(), ground, reason.strip(),
						AppealStatus.PENDING.name(), staff.name())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw state("appealed already");
		}
		return of(ratingId).orElseThrow();
	}

	/** Appeals of the supervisor's region, pending first. */
	@Transactional(readOnly = true)
	public List<AppealDetail> appeals(StaffMember staff) {
		if (!FeedbackRoles.supervisor(staff)) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where region_code like ? order by status <> ?, filed_at desc limit 200")
			.params(RatingStatistics.prefix(staff.regionScope()) + "%", AppealStatus.PENDING.name())
			.query(Appeal.class)
			.list()
			.stream()
			.map(appeal -> new AppealDetail(appeal, ratings.find(appeal.ratingId()).orElseThrow()))
			.toList();
	}

	/**
	 * The supervisor decides: upheld takes the rating out of the statistics (and its rectification task with it); the
	 * rating stays, marked, for supervisors. Rejected changes nothing. Either is recorded in the audit trail.
	 */
	@Transactional
	public void decide(StaffMember staff, UUID appealId, boolean uphold, String note) {
		Appeal appeal = jdbc.sql(SELECT + " where id = ?").param(appealId).query(Appeal.class).optional()
			.filter(a -> FeedbackRoles.supervises(staff, a.regionCode()))
			.orElseThrow(() -> DomainException.notFound("appeal"));
		String text = Rectifications.note(note);
		AppealStatus decision = uphold ? AppealStatus.UPHELD : AppealStatus.REJECTED;
		AppealStatus.GRAPH.require(AppealStatus.PENDING, decision);
		if (jdbc.sql("update feedback_appeal set status = ?, decided_by = ?, decided_at = now(), decision_note = ? where id = ? and status = ?")
			.params(decision.name(), staff.name(), text, appealId, AppealStatus.PENDING.name())
			.update() == 0) {
			throw state("decided already");
		}
		events.publishEvent(uphold ? new AppealUpheld(appealId, appeal.ratingId()) : new AppealRejected(appealId, appeal.ratingId()));
		audit.record("RATING_APPEAL", "staff:" + staff.id(), "rating:" + appeal.ratingId(), decision.name() + ": " + text);
		if (!uphold) {
			return;
		}
		RatingView rating = ratings.find(appeal.ratingId()).orElseThrow();
		ratings.exclude(rating.id());
		if (rating.counted()) {
			statistics.count(rating, -1);
		}
		// the first rating's task, if this (or the rating it replaced) opened one
		tasks.ofRating(rating.id()).ifPresent(task -> {
			tasks.move(task.id(), task.status(), RectificationStatus.EXCLUDED, new RatingExcluded(task.id(), rating.id()), "");
			statistics.countRectification(rating, -1, task.rectifiedAt() != null ? -1 : 0, Boolean.TRUE.equals(task.onTime()) ? -1 : 0);
		});
	}
}
