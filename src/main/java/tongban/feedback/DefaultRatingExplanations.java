package tongban.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.feedback.internal.FeedbackProperties;
import tongban.shared.Clocks;

/**
 * Why a case of the person's has a rating they did not give (个人信息保护法 Art. 24: a person may ask how an automated
 * decision about them was made): the rule (an invited case nobody rated within the configured days gets
 * {@link CaseRatings#DEFAULT_LEVEL}, never counted as the person's own) and the data it used (when the case concluded,
 * when the waiting ended, that no rating came, when the platform rated).
 */
@Service
public class DefaultRatingExplanations {

	/** One default rating of the party's cases, with the facts the rule used. */
	public record Explained(UUID ratingId, String caseNumber, String itemName, Level level, OffsetDateTime concludedAt,
			OffsetDateTime defaultAfter, OffsetDateTime ratedAt) {
	}

	private final JdbcClient jdbc;
	private final FeedbackProperties properties;

	DefaultRatingExplanations(JdbcClient jdbc, FeedbackProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The default ratings of the party's cases, newest first. */
	@Transactional(readOnly = true)
	public List<Explained> of(UUID partyId) {
		return jdbc.sql("""
				select r.id, i.case_number, i.item_name, r.level, i.concluded_at, i.default_after, r.created_at
				from feedback_rating r join feedback_invitation i on i.case_id = r.case_id
				where i.party_id = ? and r.rater_account_id is null and not r.active and r.round = 1
				order by r.created_at desc limit 100""")
			.param(partyId)
			.query((rs, row) -> new Explained(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Level.of(rs.getInt(4)),
					zoned(rs.getObject(5, OffsetDateTime.class)), zoned(rs.getObject(6, OffsetDateTime.class)),
					zoned(rs.getObject(7, OffsetDateTime.class))))
			.list();
	}

	/** The rule's waiting period as configured now (natural days after the case concluded). */
	public int waitingDays() {
		return properties.defaultAfterDays();
	}

	private static OffsetDateTime zoned(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(Clocks.ZONE).toOffsetDateTime();
	}
}
