package tongban.feedback.internal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.feedback.RectificationOutcome;
import tongban.feedback.RectificationStatus;
import tongban.feedback.RectificationTask;
import tongban.shared.DataKeys;
import tongban.shared.GuardedMoves;

/**
 * The rectification tasks' rows, and the one way a task's status changes: {@link #move}, a guarded update along an edge
 * of {@link RectificationStatus#GRAPH} that publishes the edge's event.
 */
@Component
public class RectificationRepository {

	private static final String SELECT = """
			select id, rating_id, department_code, region_code, status, opened_on, verify_due, rectify_due, verified_at, verified_by,
			  verification, rectified_at, rectified_by, outcome, rectification, on_time, revisited_at, revisited_by, revisit_note
			from feedback_rectification""";

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final GuardedMoves<RectificationStatus> moves;

	RectificationRepository(JdbcClient jdbc, DataKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.moves = new GuardedMoves<>(jdbc, events, RectificationStatus.GRAPH, "feedback_rectification");
	}

	/** Opens a task at its first status, {@link RectificationStatus#VERIFYING}. */
	public void open(UUID ratingId, String departmentCode, String regionCode, LocalDate openedOn, LocalDate verifyDue, LocalDate rectifyDue) {
		jdbc.sql("""
				insert into feedback_rectification (id, rating_id, department_code, region_code, status, opened_on, verify_due, rectify_due)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), ratingId, departmentCode, regionCode, RectificationStatus.VERIFYING.name(), openedOn, verifyDue,
					rectifyDue)
			.update();
	}

	public Optional<RectificationTask> find(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
	}

	public Optional<RectificationTask> ofRating(UUID ratingId) {
		return jdbc.sql(SELECT + " where rating_id = ?").param(ratingId).query(this::row).optional();
	}

	/** The department's tasks: open ones first, the earliest deadline first. */
	public List<RectificationTask> ofDepartment(String departmentCode) {
		return jdbc.sql(SELECT + " where department_code = ? order by status = any(?), rectify_due, opened_on desc limit 200")
			.params(departmentCode, new String[] { RectificationStatus.CLOSED.name(), RectificationStatus.EXCLUDED.name() })
			.query(this::row)
			.list();
	}

	/** Whether the rating's task was closed after the rater was revisited (who may then rate once more). */
	public boolean revisited(UUID ratingId) {
		return jdbc.sql("select count(*) from feedback_rectification where rating_id = ? and status = ? and revisited_at is not null")
			.params(ratingId, RectificationStatus.CLOSED.name())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Moves a task from {@code from} to {@code to} along the graph, setting {@code changes} (SQL assignments with {@code ?}
	 * for {@code changeParams}, or empty) in the same guarded update, and publishes {@code event}, which must be the
	 * edge's. A move the graph does not hold, or a task no longer at {@code from}, is refused as a CONFLICT
	 * ({@link RectificationStatus#CONFLICT}).
	 */
	public void move(UUID id, RectificationStatus from, RectificationStatus to, Object event, String changes, Object... changeParams) {
		moves.move(id, from, to, event, RectificationStatus.CONFLICT, changes, changeParams);
	}

	private RectificationTask row(ResultSet rs, int row) throws SQLException {
		String note = rs.getString("revisit_note");
		String outcome = rs.getString("outcome");
		return new RectificationTask(rs.getObject("id", UUID.class), rs.getObject("rating_id", UUID.class), rs.getString("department_code"),
				rs.getString("region_code"), RectificationStatus.valueOf(rs.getString("status")), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("verify_due", LocalDate.class), rs.getObject("rectify_due", LocalDate.class),
				rs.getObject("verified_at", OffsetDateTime.class), rs.getString("verified_by"), rs.getString("verification"),
				rs.getObject("rectified_at", OffsetDateTime.class), rs.getString("rectified_by"),
				outcome == null ? null : RectificationOutcome.valueOf(outcome), rs.getString("rectification"), (Boolean) rs.getObject("on_time"),
				rs.getObject("revisited_at", OffsetDateTime.class), rs.getString("revisited_by"), note == null ? null : keys.decrypt(note));
	}
}
