package tongban.feedback.internal.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.feedback.Channel;
import tongban.feedback.Level;
import tongban.feedback.RatingGiven;
import tongban.feedback.RatingView;
import tongban.shared.DataKeys;

/** The ratings' rows: one insert for every way a rating is given, and reading them with the comment decrypted. */
@Component
public class RatingRepository {

	private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
	};

	private static final String SELECT = """
			select id, channel, case_id, visit_id, subject_label, department_code, region_code, rater_account_id, level, scores::text as scores,
			  tags, comment, active, round, replaced_by, excluded, month, created_at from feedback_rating""";

	/** A rating to save: what it rates, where it counts, who gave it (null: anonymous or the platform's default). */
	public record NewRating(UUID id, Channel channel, UUID caseId, UUID visitId, String subject, String departmentCode, String regionCode,
			UUID partyId, UUID raterAccountId, Level level, Map<String, Integer> scores, List<String> tags, String comment, boolean active,
			int round, LocalDate month) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final ApplicationEventPublisher events;

	RatingRepository(JdbcClient jdbc, JsonMapper json, DataKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.events = events;
	}

	/**
	 * Saves a rating (the comment encrypted) and publishes {@link RatingGiven}; a second rating of one case round or one
	 * visit is a duplicate key.
	 */
	public RatingView insert(NewRating rating) {
		jdbc.sql("""
				insert into feedback_rating (id, channel, case_id, visit_id, subject_label, department_code, region_code, party_id,
				  rater_account_id, level, scores, tags, comment, active, round, month)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(rating.id(), rating.channel().name(), rating.caseId(), rating.visitId(), rating.subject(), rating.departmentCode(),
					rating.regionCode(), rating.partyId(), rating.raterAccountId(), rating.level().value(),
					json.writeValueAsString(rating.scores()), rating.tags().stream().distinct().toArray(String[]::new),
					rating.comment() == null || rating.comment().isBlank() ? null : keys.encrypt(rating.comment().strip()), rating.active(),
					rating.round(), rating.month())
			.update();
		RatingView saved = find(rating.id()).orElseThrow();
		events.publishEvent(new RatingGiven(saved.id(), saved.caseId(), saved.departmentCode(), saved.channel(), saved.level(), saved.round(),
				!saved.active(), saved.createdAt().toInstant()));
		return saved;
	}

	public Optional<RatingView> find(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
	}

	/** Ratings by a condition on their columns, e.g. {@code "where case_id = ? order by round"}, with its parameters. */
	public List<RatingView> where(String condition, Object... params) {
		return jdbc.sql(SELECT + " " + condition).params(Arrays.asList(params)).query(this::row).list();
	}

	/** The first rating gives way to its re-rating. */
	public void replace(UUID first, UUID by) {
		jdbc.sql("update feedback_rating set replaced_by = ? where id = ?").params(by, first).update();
	}

	/** Out of the statistics after an upheld appeal (kept, marked, for supervisors). */
	public void exclude(UUID id) {
		jdbc.sql("update feedback_rating set excluded = true where id = ?").param(id).update();
	}

	private RatingView row(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		String comment = rs.getString("comment");
		return new RatingView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getObject("case_id", UUID.class),
				rs.getObject("visit_id", UUID.class), rs.getString("subject_label"), rs.getString("department_code"), rs.getString("region_code"),
				rs.getObject("rater_account_id", UUID.class), Level.of(rs.getInt("level")), json.readValue(rs.getString("scores"), SCORES),
				tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), comment == null ? null : keys.decrypt(comment),
				rs.getBoolean("active"), rs.getInt("round"), rs.getObject("replaced_by", UUID.class), rs.getBoolean("excluded"),
				rs.getObject("month", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
	}
}
