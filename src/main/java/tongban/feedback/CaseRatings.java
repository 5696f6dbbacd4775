package tongban.feedback;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Filing;
import tongban.casework.Notice;
import tongban.feedback.internal.FeedbackProperties;
import tongban.feedback.internal.domain.RatingRepository;
import tongban.feedback.internal.domain.RatingRepository.NewRating;
import tongban.feedback.internal.domain.RectificationRepository;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 一事一评 (国办发〔2019〕51号; GB/T 39735-2020): a concluded case is rated once by its applicant (or the company's agent),
 * and once more after its bad first rating was rectified and the rater revisited (the re-rating replaces the first in
 * the statistics). The applicant is invited when the case concludes; an unrated case gets the default good rating after
 * the configured days. Every rating updates the monthly aggregate ({@link RatingStatistics}) in the same transaction.
 */
@Service
public class CaseRatings {

	/** The level of a default rating: 满意, given by the platform, never counted as active. */
	public static final Level DEFAULT_LEVEL = Level.SATISFIED;

	static final Set<CaseStatus> RATEABLE = Set.of(CaseStatus.CONCLUDED, CaseStatus.DENIED,
			CaseStatus.REFUSED);

	private final JdbcClient jdbc;
	private final RatingRepository ratings;
	private final RectificationRepository tasks;
	private final Rectifications rectifications;
	private final Cases cases;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final RatingStatistics statistics;
	private final FeedbackProperties properties;
	private final String baseUrl;

	CaseRatings(JdbcClient jdbc, RatingRepository ratings, RectificationRepository tasks, Rectifications rectifications, Cases cases,
			IdentityManagement identity, NotificationManagement notifications, RatingStatistics statistics, FeedbackProperties properties,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.tasks = tasks;
		this.rectifications = rectifications;
		this.cases = cases;
		this.identity = identity;
		this.notifications = notifications;
		this.statistics = statistics;
		this.properties = properties;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The party's own case with its ratings and whether it may be rated now; another party's case is not found. */
	@Transactional(readOnly = true)
	public CaseRating caseRating(Actor actor, UUID caseId) {
		CaseView c = cases.find(actor, CaseId.of(caseId)).orElseThrow(() -> DomainException.notFound("case"));
		List<RatingView> earlier = ofCase(caseId);
		boolean concluded = RATEABLE.contains(c.status());
		int round = nextRound(earlier);
		return new CaseRating(caseId, c.caseNumber(), c.itemName(), c.status(), concluded, earlier, concluded && round > 0, round);
	}

	private List<RatingView> ofCase(UUID caseId) {
		return ratings.where("where case_id = ? order by round", caseId);
	}

	/** 1 when not yet rated, 2 when the first rating was rectified and the rater revisited, 0 when no more rating is allowed. */
	private int nextRound(List<RatingView> earlier) {
		if (earlier.isEmpty()) {
			return 1;
		}
		if (earlier.size() == 1 && earlier.getFirst().active() && !earlier.getFirst().excluded()) {
			return tasks.revisited(earlier.getFirst().id()) ? 2 : 0;
		}
		return 0;
	}

	private static DomainException rated() {
		return new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
	}

	/**
	 * Rates one's own concluded case: once, or once more after the bad first rating was rectified and the rater revisited.
	 * Not one's own: NOT_FOUND; not concluded or already rated: CONFLICT; bad input: {@link InvalidFeedback}. Nothing is
	 * saved when refused.
	 */
	@Transactional
	public RatingView rateCase(Actor actor, UUID caseId, RatingInput input) {
		CaseView c = cases.find(actor, CaseId.of(caseId)).orElseThrow(() -> DomainException.notFound("case"));
		if (!RATEABLE.contains(c.status())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-not-concluded", "the case is " + c.status());
		}
		List<RatingView> earlier = ofCase(caseId);
		int round = nextRound(earlier);
		if (round == 0) {
			throw rated();
		}
		Map<String, String> problems = input.problems(Channel.ONLINE);
		if (!problems.isEmpty()) {
			throw new InvalidFeedback(problems);
		}
		RatingView first = round == 2 ? earlier.getFirst() : null;
		String department;
		String region;
		LocalDate month;
		if (first != null) {
			// the re-rating takes the first one's place in its month and department
			department = first.departmentCode();
			region = first.regionCode();
			month = first.month();
		}
		else {
			Filing filing = cases.filing(CaseId.of(caseId)).orElseThrow();
			department = filing.departmentCode();
			region = filing.regionCode();
			month = YearMonth.now(Clocks.ZONE).atDay(1);
		}
		Level level = input.parsedLevel();
		RatingView rating;
		try {
			rating = ratings.insert(new NewRating(UUID.randomUUID(), Channel.ONLINE, caseId, null, subject(c.itemName(), c.caseNumber()),
					department, region, actor.party().id(), actor.accountId(), level, input.parsedScores(), input.tags(), input.comment(), true,
					round, month));
		}
		catch (DuplicateKeyException e) {
			throw rated();
		}
		if (first != null) {
			ratings.replace(first.id(), rating.id());
			if (first.counted()) {
				statistics.count(first, -1);
			}
		}
		statistics.count(rating, 1);
		if (level.bad() && round == 1) {
			rectifications.open(rating);
		}
		return rating;
	}

	private static String subject(String itemName, String caseNumber) {
		return itemName + (caseNumber == null ? "" : "（" + caseNumber + "）");
	}

	/**
	 * A case concluded (not withdrawn): the applicant is invited to rate it, in-app and by SMS; the invitation also dates
	 * the default rating. Called once per case (again: nothing happens).
	 */
	@Transactional
	public void invite(UUID caseId, String caseNumber) {
		Filing filing = cases.filing(CaseId.of(caseId)).orElseThrow();
		Notice notice = cases.notice(CaseId.of(caseId)).orElseThrow();
		int inserted = jdbc.sql("""
				insert into feedback_invitation (case_id, case_number, item_name, department_code, region_code, party_id, applicant_account_id,
				  default_after) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
			.params(caseId, caseNumber, notice.itemName(), filing.departmentCode(), filing.regionCode(), filing.party().id(),
					filing.applicantAccountId(), Timestamp.from(Instant.now().plus(Duration.ofDays(properties.defaultAfterDays()))))
			.update();
		if (inserted == 0 || filing.applicantAccountId() == null) {
			return;
		}
		identity.contact(filing.applicantAccountId()).ifPresent(contact -> notifications.notify(
				contact.recipient(), "RATING_INVITED",
				Map.of("itemName", notice.itemName(), "caseNumber", caseNumber == null ? "" : caseNumber, "days",
						Integer.toString(properties.defaultAfterDays())),
				baseUrl + "/cases/" + caseId + "/rating", caseId));
	}

	/**
	 * 默认好评: each invitation past its date whose case nobody rated gets the default rating ({@link #DEFAULT_LEVEL}, not
	 * active), counted in the month it is given. Answers how many. The invitations are claimed ({@code skip locked}): two
	 * passes at once (two nodes, a lock that lapsed) share the work instead of both rating a case and one failing on the
	 * unique (case, round).
	 */
	@Transactional
	public int applyDefaults(Instant now, int limit) {
		record Due(UUID caseId, String caseNumber, String itemName, String departmentCode, String regionCode, UUID partyId) {
		}
		List<Due> due = jdbc.sql("""
				select i.case_id, i.case_number, i.item_name, i.department_code, i.region_code, i.party_id from feedback_invitation i
				where i.default_after <= ? and not exists (select 1 from feedback_rating r where r.case_id = i.case_id)
				order by i.default_after limit ? for update of i skip locked""")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, UUID.class)))
			.list();
		LocalDate month = YearMonth.from(now.atZone(Clocks.ZONE)).atDay(1);
		for (Due d : due) {
			statistics.count(ratings.insert(new NewRating(UUID.randomUUID(), Channel.ONLINE, d.caseId(), null, subject(d.itemName(), d.caseNumber()),
					d.departmentCode(), d.regionCode(), d.partyId(), null, DEFAULT_LEVEL, Map.of(), List.of(), null, false, 1, month)), 1);
		}
		return due.size();
	}
}
