package tongban.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.feedback.internal.FeedbackProperties;
import tongban.feedback.internal.domain.RatingRepository.NewRating;
import tongban.feedback.internal.domain.RatingRepository;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.RandomTokens;

/**
 * 一次一评 at the counter (GB/T 39734-2020): the clerk opens a visit at one of the hall's windows and shows its QR code;
 * whoever scans it rates the visit once, without an account. A bad rating opens a rectification task.
 */
@Service
public class VisitRatings {

	private static final String SELECT = """
			select v.id, v.token, v.clerk_name, v.department_code, v.region_code, v.window_label, v.created_at, v.expires_at,
			  exists (select 1 from feedback_rating r where r.visit_id = v.id) as rated from feedback_visit v""";

	private final JdbcClient jdbc;
	private final RatingRepository ratings;
	private final Rectifications rectifications;
	private final DirectoryManagement directory;
	private final RatingStatistics statistics;
	private final FeedbackProperties properties;

	VisitRatings(JdbcClient jdbc, RatingRepository ratings, Rectifications rectifications, DirectoryManagement directory,
			RatingStatistics statistics, FeedbackProperties properties) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.directory = directory;
		this.statistics = statistics;
		this.properties = properties;
	}

	/** Opens a visit at one of the hall's windows: its token (256 random bits) is what the QR code carries. */
	@Transactional
	public Visit openVisit(Clerk clerk, UUID windowId) {
		DirectoryManagement.Window window = directory.windows().stream().filter(w -> w.id().equals(windowId)).findFirst()
			.orElseThrow(() -> new InvalidFeedback(Map.of("window", "feedback.error.window")));
		String token = RandomTokens.of(32);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into feedback_visit (id, token, clerk_account_id, clerk_name, department_code, region_code, window_id, window_label, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, token, clerk.accountId(), clerk.name(), clerk.departmentCode(), clerk.regionCode(), window.id(), window.label(),
					Timestamp.from(Instant.now().plus(properties.visitValidity())))
			.update();
		return visitOfClerk(clerk, id).orElseThrow();
	}

	/** One of the clerk's own visits. */
	@Transactional(readOnly = true)
	public Optional<Visit> visitOfClerk(Clerk clerk, UUID id) {
		return jdbc.sql(SELECT + " where v.id = ? and v.clerk_account_id = ?").params(id, clerk.accountId()).query(Visit.class).optional();
	}

	/** The clerk's latest visits. */
	@Transactional(readOnly = true)
	public List<Visit> visitsOfClerk(Clerk clerk, int limit) {
		return jdbc.sql(SELECT + " where v.clerk_account_id = ? order by v.created_at desc limit ?").params(clerk.accountId(), limit)
			.query(Visit.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Visit> visit(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where v.token = ?").param(token).query(Visit.class).optional();
	}

	/**
	 * Rates a visit by its token, without an account: once. Unknown token: NOT_FOUND; expired or already rated: CONFLICT;
	 * bad input: {@link InvalidFeedback}.
	 */
	@Transactional
	public RatingView rateVisit(String token, RatingInput input) {
		Visit visit = visit(token).orElseThrow(() -> DomainException.notFound("visit"));
		if (visit.rated()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		if (visit.expired(Instant.now())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "visit-expired", "the visit's QR code has expired");
		}
		Map<String, String> problems = input.problems(Channel.COUNTER);
		if (!problems.isEmpty()) {
			throw new InvalidFeedback(problems);
		}
		// one at a time per visit: the row lock makes a second, simultaneous rating wait and then find the first
		jdbc.sql("select id from feedback_visit where id = ? for update").param(visit.id()).query(UUID.class).single();
		Level level = input.parsedLevel();
		RatingView rating;
		try {
			rating = ratings.insert(new NewRating(UUID.randomUUID(), Channel.COUNTER, null, visit.id(), visit.windowLabel() + " " + visit.clerkName(),
					visit.departmentCode(), visit.regionCode(), null, null, level, input.parsedScores(), input.tags(), input.comment(), true, 1,
					YearMonth.now(Clocks.ZONE).atDay(1)));
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		statistics.count(rating, 1);
		if (level.bad()) {
			rectifications.open(rating);
		}
		return rating;
	}
}
