package tongban.feedback;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Filing;
import tongban.casework.Notice;
import tongban.directory.DirectoryManagement;
import tongban.feedback.internal.FeedbackProperties;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;

/**
 * 好差评 (国办发〔2019〕51号; GB/T 39734-2020 for the counter, GB/T 39735-2020 online). A concluded case is rated once by
 * its applicant (or the company's agent) and a counter visit once by whoever scans its QR code; an unrated case gets the
 * default good rating after the configured days. A bad rating (不满意, 非常不满意) opens a rectification task for the
 * department: verify within N working days, rectify or explain within M more, then revisit a real-name rater, who may
 * rate once more (the re-rating replaces the first in the statistics). The department may appeal a bad rating as mistaken
 * or malicious; a supervisor of the region decides, and an upheld appeal takes the rating out of the statistics. Every
 * change updates the monthly aggregate ({@link RatingStatistics}) in the same transaction.
 */
@Service
public class FeedbackManagement {

	public enum Channel {
		ONLINE(List.of("overall", "efficiency", "guide", "convenience", "usability")),
		COUNTER(List.of("overall", "efficiency", "competence", "attitude"));

		private final List<String> dimensions;

		Channel(List<String> dimensions) {
			this.dimensions = dimensions;
		}

		/** Online: GB/T 39735 (overall, efficiency, guide accuracy, convenience, usability); counter: GB/T 39734. */
		public List<String> dimensions() {
			return dimensions;
		}
	}

	/** Tags of a bad rating: what went wrong (counted by tag in the statistics). */
	public static final List<String> BAD_TAGS = List.of("OVERDUE", "EXTRA_CONDITIONS", "EXTRA_MATERIALS", "MULTIPLE_VISITS", "ATTITUDE",
			"GUIDE_UNCLEAR", "SYSTEM_HARD");

	/** Tags of a good rating. */
	public static final List<String> GOOD_TAGS = List.of("FAST", "GUIDE_CLEAR", "ONE_VISIT", "COURTEOUS", "EASY_ONLINE");

	public static final int MAX_COMMENT = 500;
	public static final int MAX_NOTE = 1000;

	/** The level of a default rating: 满意, given by the platform, never counted as active. */
	public static final Level DEFAULT_LEVEL = Level.SATISFIED;

	static final Set<CaseStatus> RATEABLE = EnumSet.of(CaseStatus.CONCLUDED, CaseStatus.DENIED,
			CaseStatus.REFUSED);

	private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final Cases cases;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final NotificationManagement notifications;
	private final WorkingCalendars calendars;
	private final RatingStatistics statistics;
	private final AuditTrail audit;
	private final FeedbackProperties properties;
	private final String baseUrl;
	private final SecureRandom random = new SecureRandom();

	FeedbackManagement(JdbcClient jdbc, JsonMapper json, DataKeys keys, Cases cases, IdentityManagement identity,
			DirectoryManagement directory, NotificationManagement notifications, WorkingCalendars calendars, RatingStatistics statistics,
			AuditTrail audit, FeedbackProperties properties, @Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.cases = cases;
		this.identity = identity;
		this.directory = directory;
		this.notifications = notifications;
		this.calendars = calendars;
		this.statistics = statistics;
		this.audit = audit;
		this.properties = properties;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public FeedbackProperties properties() {
		return properties;
	}

	/** What the rater gave: level by name, scores by dimension (1–5, as typed), tags by code, a comment. */
	public record RatingInput(String level, Map<String, String> scores, List<String> tags, String comment) {

		public RatingInput {
			scores = scores == null ? Map.of() : scores;
			tags = tags == null ? List.of() : tags;
		}
	}

	/** Input refused: message keys by field (level, score-overall …, tags, comment, note, ground, reason). */
	public static class Invalid extends DomainException {

		private final Map<String, String> problems;

		public Invalid(Map<String, String> problems) {
			super(Kind.INVALID, "rating-invalid", "invalid: " + problems.keySet());
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> problems() {
			return problems;
		}
	}

	public record RatingView(UUID id, Channel channel, UUID caseId, UUID visitId, String subjectLabel, String departmentCode,
			String regionCode, UUID raterAccountId, Level level, Map<String, Integer> scores, List<String> tags, String comment,
			boolean active, int round, UUID replacedBy, boolean excluded, LocalDate month, OffsetDateTime createdAt) {

		/** In the statistics: not excluded by an appeal, not replaced by a re-rating. */
		public boolean counted() {
			return !excluded && replacedBy == null;
		}
	}

	// ---- validation

	/** The problems of an input on a channel, by field; empty when it may be saved. */
	public static Map<String, String> check(Channel channel, RatingInput in) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<Level> level = Level.parse(in.level());
		if (level.isEmpty()) {
			problems.put("level", "feedback.error.level");
		}
		for (Map.Entry<String, String> e : in.scores().entrySet()) {
			if (!channel.dimensions().contains(e.getKey())) {
				problems.put("scores", "feedback.error.dimension");
				continue;
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				continue;
			}
			Integer v = score(e.getValue());
			if (v == null || v < 1 || v > 5) {
				problems.put("score-" + e.getKey(), "feedback.error.score");
			}
		}
		if (in.tags().stream().anyMatch(t -> !BAD_TAGS.contains(t) && !GOOD_TAGS.contains(t))) {
			problems.put("tags", "feedback.error.tag");
		}
		if (in.comment() != null && in.comment().strip().length() > MAX_COMMENT) {
			problems.put("comment", "feedback.error.comment");
		}
		if (level.isPresent() && level.get().bad() && !problems.containsKey("tags") && in.tags().stream().noneMatch(BAD_TAGS::contains)
				&& (in.comment() == null || in.comment().isBlank())) {
			// a bad rating names what went wrong: a tag or a comment, so that the department can verify it
			problems.put("tags", "feedback.error.reason");
		}
		return problems;
	}

	private static Integer score(String s) {
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Map<String, Integer> scores(RatingInput in) {
		Map<String, Integer> out = new LinkedHashMap<>();
		in.scores().forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				out.put(k, Integer.valueOf(v.strip()));
			}
		});
		return out;
	}

	// ---- 一事一评

	/** A case as its rater sees it on the rating page. */
	public record CaseRating(UUID caseId, String caseNumber, String itemName, CaseStatus status, boolean concluded,
			List<RatingView> ratings, boolean mayRate, int round) {
	}

	/** The party's own case with its ratings and whether it may be rated now; another party's case is not found. */
	@Transactional(readOnly = true)
	public CaseRating caseRating(Actor a, UUID caseId) {
		CaseView c = cases.find(a, CaseId.of(caseId)).orElseThrow(() -> DomainException.notFound("case"));
		List<RatingView> ratings = ratingsOfCase(caseId);
		boolean concluded = RATEABLE.contains(c.status());
		int round = nextRound(ratings);
		return new CaseRating(caseId, c.caseNumber(), c.itemName(), c.status(), concluded, ratings, concluded && round > 0, round);
	}

	/** 1 when not yet rated, 2 when the first rating was rectified and the rater revisited, 0 when no more rating is allowed. */
	private int nextRound(List<RatingView> ratings) {
		if (ratings.isEmpty()) {
			return 1;
		}
		if (ratings.size() == 1 && ratings.getFirst().active() && !ratings.getFirst().excluded()) {
			return jdbc.sql("select count(*) from feedback_rectification where rating_id = ? and status = 'CLOSED' and revisited_at is not null")
				.param(ratings.getFirst().id())
				.query(Long.class)
				.single() > 0 ? 2 : 0;
		}
		return 0;
	}

	/**
	 * Rates one's own concluded case: once, or once more after the bad first rating was rectified and the rater revisited.
	 * Not one's own: NOT_FOUND; not concluded or already rated: CONFLICT; bad input: {@link Invalid}. Nothing is saved when
	 * refused.
	 */
	@Transactional
	public RatingView rateCase(Actor a, UUID caseId, RatingInput in) {
		CaseView c = cases.find(a, CaseId.of(caseId)).orElseThrow(() -> DomainException.notFound("case"));
		if (!RATEABLE.contains(c.status())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-not-concluded", "the case is " + c.status());
		}
		List<RatingView> earlier = ratingsOfCase(caseId);
		int round = nextRound(earlier);
		if (round == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		Map<String, String> problems = check(Channel.ONLINE, in);
		if (!problems.isEmpty()) {
			throw new Invalid(problems);
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
			Filing f = cases.filing(CaseId.of(caseId)).orElseThrow();
			department = f.departmentCode();
			region = f.regionCode();
			month = YearMonth.now(Clocks.ZONE).atDay(1);
		}
		UUID id = UUID.randomUUID();
		Level level = Level.parse(in.level()).orElseThrow();
		try {
			insert(id, Channel.ONLINE, caseId, null, c.itemName() + (c.caseNumber() == null ? "" : "（" + c.caseNumber() + "）"), department,
					region, a.party().id(), a.accountId(), level, scores(in), in.tags(), in.comment(), true, round, month);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		RatingView rating = rating(id).orElseThrow();
		if (first != null) {
			jdbc.sql("update feedback_rating set replaced_by = ? where id = ?").params(id, first.id()).update();
			if (first.counted()) {
				statistics.count(first, -1);
			}
		}
		statistics.count(rating, 1);
		if (level.bad() && round == 1) {
			openRectification(rating);
		}
		return rating;
	}

	private void insert(UUID id, Channel channel, UUID caseId, UUID visitId, String subject, String department, String region, UUID partyId,
			UUID rater, Level level, Map<String, Integer> scores, List<String> tags, String comment, boolean active, int round, LocalDate month) {
		jdbc.sql("""
				insert into feedback_rating (id, channel, case_id, visit_id, subject_label, department_code, region_code, party_id,
				  rater_account_id, level, scores, tags, comment, active, round, month)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(id, channel.name(), caseId, visitId, subject, department, region, partyId, rater, level.value(), json.writeValueAsString(scores),
					tags.stream().distinct().toArray(String[]::new), comment == null || comment.isBlank() ? null : keys.encrypt(comment.strip()),
					active, round, month)
			.update();
	}

	public List<RatingView> ratingsOfCase(UUID caseId) {
		return jdbc.sql(SELECT + " where case_id = ? order by round").param(caseId).query(this::ratingRow).list();
	}

	public Optional<RatingView> rating(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::ratingRow).optional();
	}

	private static final String SELECT = """
			select id, channel, case_id, visit_id, subject_label, department_code, region_code, rater_account_id, level, scores::text as scores,
			  tags, comment, active, round, replaced_by, excluded, month, created_at from feedback_rating""";

	private RatingView ratingRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Array tags = rs.getArray("tags");
		String comment = rs.getString("comment");
		return new RatingView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getObject("case_id", UUID.class),
				rs.getObject("visit_id", UUID.class), rs.getString("subject_label"), rs.getString("department_code"), rs.getString("region_code"),
				rs.getObject("rater_account_id", UUID.class), Level.of(rs.getInt("level")), json.readValue(rs.getString("scores"), SCORES),
				tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), comment == null ? null : keys.decrypt(comment),
				rs.getBoolean("active"), rs.getInt("round"), rs.getObject("replaced_by", UUID.class), rs.getBoolean("excluded"),
				rs.getObject("month", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
	}

	/**
	 * A case concluded (not withdrawn): the applicant is invited to rate it, in-app and by SMS; the invitation also dates
	 * the default rating. Called once per case (again: nothing happens).
	 */
	@Transactional
	public void invite(UUID caseId, String caseNumber) {
		Filing f = cases.filing(CaseId.of(caseId)).orElseThrow();
		Notice notice = cases.notice(CaseId.of(caseId)).orElseThrow();
		int inserted = jdbc.sql("""
				insert into feedback_invitation (case_id, case_number, item_name, department_code, region_code, party_id, applicant_account_id,
				  default_after) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
			.params(caseId, caseNumber, notice.itemName(), f.departmentCode(), f.regionCode(), f.party().id(), f.applicantAccountId(),
					java.sql.Timestamp.from(Instant.now().plus(java.time.Duration.ofDays(properties.defaultAfterDays()))))
			.update();
		if (inserted == 0 || f.applicantAccountId() == null) {
			return;
		}
		identity.contact(f.applicantAccountId()).ifPresent(c -> notifications.notify(
				new NotificationManagement.Recipient(c.accountId(), c.name(), c.mobile(), c.email()), "RATING_INVITED",
				Map.of("itemName", notice.itemName(), "caseNumber", caseNumber == null ? "" : caseNumber, "days",
						Integer.toString(properties.defaultAfterDays())),
				baseUrl + "/cases/" + caseId + "/rating", caseId));
	}

	/**
	 * 默认好评: each invitation past its date whose case nobody rated gets the default rating ({@link #DEFAULT_LEVEL}, not
	 * active), counted in the month it is given. Answers how many.
	 */
	@Transactional
	public int applyDefaults(Instant now, int limit) {
		List<Object[]> due = jdbc.sql("""
				select i.case_id, i.case_number, i.item_name, i.department_code, i.region_code, i.party_id from feedback_invitation i
				where i.default_after <= ? and not exists (select 1 from feedback_rating r where r.case_id = i.case_id)
				order by i.default_after limit ?""")
			.params(java.sql.Timestamp.from(now), limit)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, UUID.class) })
			.list();
		LocalDate month = YearMonth.from(now.atZone(Clocks.ZONE)).atDay(1);
		for (Object[] d : due) {
			UUID id = UUID.randomUUID();
			insert(id, Channel.ONLINE, (UUID) d[0], null, d[2] + (d[1] == null ? "" : "（" + d[1] + "）"), (String) d[3], (String) d[4], (UUID) d[5],
					null, DEFAULT_LEVEL, Map.of(), List.of(), null, false, 1, month);
			statistics.count(rating(id).orElseThrow(), 1);
		}
		return due.size();
	}

	// ---- 一次一评 at the counter

	/** A counter clerk as the visit records them. */
	public record Clerk(UUID accountId, String name, String departmentCode, String regionCode) {
	}

	public record Visit(UUID id, String token, String clerkName, String departmentCode, String regionCode, String windowLabel,
			OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean rated) {

		public boolean expired(Instant now) {
			return expiresAt.toInstant().isBefore(now);
		}
	}

	/** Opens a visit at one of the hall's windows: its token (256 random bits) is what the QR code carries. */
	@Transactional
	public Visit openVisit(Clerk clerk, UUID windowId) {
		DirectoryManagement.Window w = directory.windows().stream().filter(x -> x.id().equals(windowId)).findFirst()
			.orElseThrow(() -> new Invalid(Map.of("window", "feedback.error.window")));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into feedback_visit (id, token, clerk_account_id, clerk_name, department_code, region_code, window_id, window_label, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, token, clerk.accountId(), clerk.name(), clerk.departmentCode(), clerk.regionCode(), w.id(), w.label(),
					java.sql.Timestamp.from(Instant.now().plus(properties.visitValidity())))
			.update();
		return visitOfClerk(clerk, id).orElseThrow();
	}

	private static final String VISIT = """
			select v.id, v.token, v.clerk_name, v.department_code, v.region_code, v.window_label, v.created_at, v.expires_at,
			  exists (select 1 from feedback_rating r where r.visit_id = v.id) as rated from feedback_visit v""";

	/** One of the clerk's own visits. */
	@Transactional(readOnly = true)
	public Optional<Visit> visitOfClerk(Clerk clerk, UUID id) {
		return jdbc.sql(VISIT + " where v.id = ? and v.clerk_account_id = ?").params(id, clerk.accountId()).query(Visit.class).optional();
	}

	/** The clerk's latest visits. */
	@Transactional(readOnly = true)
	public List<Visit> visitsOfClerk(Clerk clerk, int limit) {
		return jdbc.sql(VISIT + " where v.clerk_account_id = ? order by v.created_at desc limit ?").params(clerk.accountId(), limit)
			.query(Visit.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Visit> visit(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return jdbc.sql(VISIT + " where v.token = ?").param(token).query(Visit.class).optional();
	}

	/**
	 * Rates a visit by its token, without an account: once. Unknown token: NOT_FOUND; expired or already rated: CONFLICT;
	 * bad input: {@link Invalid}.
	 */
	@Transactional
	public RatingView rateVisit(String token, RatingInput in) {
		Visit v = visit(token).orElseThrow(() -> DomainException.notFound("visit"));
		if (v.rated()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		if (v.expired(Instant.now())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "visit-expired", "the visit's QR code has expired");
		}
		Map<String, String> problems = check(Channel.COUNTER, in);
		if (!problems.isEmpty()) {
			throw new Invalid(problems);
		}
		// one at a time per visit: the row lock makes a second, simultaneous rating wait and then find the first
		jdbc.sql("select id from feedback_visit where id = ? for update").param(v.id()).query(UUID.class).single();
		UUID id = UUID.randomUUID();
		Level level = Level.parse(in.level()).orElseThrow();
		try {
			insert(id, Channel.COUNTER, null, v.id(), v.windowLabel() + " " + v.clerkName(), v.departmentCode(), v.regionCode(), null, null, level,
					scores(in), in.tags(), in.comment(), true, 1, YearMonth.now(Clocks.ZONE).atDay(1));
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "rating-exists", "already rated");
		}
		RatingView rating = rating(id).orElseThrow();
		statistics.count(rating, 1);
		if (level.bad()) {
			openRectification(rating);
		}
		return rating;
	}

	// ---- 差评整改

	/** A staff member as the feedback pages check them. */
	public record Staff(UUID accountId, String name, String departmentCode, String regionScope, Set<Role> roles) {

		boolean works(String department) {
			return department != null && department.equals(departmentCode)
					&& (roles.contains(Role.DEPT_ADMIN) || roles.contains(Role.APPROVER));
		}

		boolean supervises(String region) {
			return roles.contains(Role.SUPERVISOR) && regionScope != null && region != null
					&& region.startsWith(RatingStatistics.prefix(regionScope));
		}
	}

	public record Task(UUID id, UUID ratingId, String departmentCode, String regionCode, String status, LocalDate openedOn,
			LocalDate verifyDue, LocalDate rectifyDue, OffsetDateTime verifiedAt, String verifiedBy, String verification,
			OffsetDateTime rectifiedAt, String rectifiedBy, String outcome, String rectification, Boolean onTime, OffsetDateTime revisitedAt,
			String revisitedBy, String revisitNote) {

		/** Past the deadline of the step it waits at. */
		public boolean overdue(LocalDate today) {
			return status.equals("VERIFYING") && today.isAfter(verifyDue)
					|| (status.equals("VERIFYING") || status.equals("RECTIFYING")) && today.isAfter(rectifyDue);
		}

		public boolean open() {
			return status.equals("VERIFYING") || status.equals("RECTIFYING") || status.equals("REVISITING");
		}
	}

	/** A task with its rating and appeal, for the department's pages. */
	public record TaskDetail(Task task, RatingView rating, Optional<Appeal> appeal) {
	}

	private void openRectification(RatingView r) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		var calendar = calendars.current();
		LocalDate verifyDue = calendar.addWorkingDays(today, properties.verifyDays());
		LocalDate rectifyDue = calendar.addWorkingDays(verifyDue, properties.rectifyDays());
		jdbc.sql("""
				insert into feedback_rectification (id, rating_id, department_code, region_code, status, opened_on, verify_due, rectify_due)
				values (?, ?, ?, ?, 'VERIFYING', ?, ?, ?)""")
			.params(UUID.randomUUID(), r.id(), r.departmentCode(), r.regionCode(), today, verifyDue, rectifyDue)
			.update();
		statistics.countRectification(r, 1, 0, 0);
	}

	private static final String TASK = """
			select id, rating_id, department_code, region_code, status, opened_on, verify_due, rectify_due, verified_at, verified_by,
			  verification, rectified_at, rectified_by, outcome, rectification, on_time, revisited_at, revisited_by, revisit_note
			from feedback_rectification""";

	private Task taskRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String note = rs.getString("revisit_note");
		return new Task(rs.getObject("id", UUID.class), rs.getObject("rating_id", UUID.class), rs.getString("department_code"),
				rs.getString("region_code"), rs.getString("status"), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("verify_due", LocalDate.class), rs.getObject("rectify_due", LocalDate.class),
				rs.getObject("verified_at", OffsetDateTime.class), rs.getString("verified_by"), rs.getString("verification"),
				rs.getObject("rectified_at", OffsetDateTime.class), rs.getString("rectified_by"), rs.getString("outcome"),
				rs.getString("rectification"), (Boolean) rs.getObject("on_time"), rs.getObject("revisited_at", OffsetDateTime.class),
				rs.getString("revisited_by"), note == null ? null : keys.decrypt(note));
	}

	/** The department's tasks: open ones first, the earliest deadline first. */
	@Transactional(readOnly = true)
	public List<TaskDetail> tasks(Staff s) {
		if (!s.works(s.departmentCode())) {
			return List.of();
		}
		return jdbc.sql(TASK + " where department_code = ? order by status in ('CLOSED', 'EXCLUDED'), rectify_due, opened_on desc limit 200")
			.param(s.departmentCode())
			.query(this::taskRow)
			.list()
			.stream()
			.map(this::detail)
			.toList();
	}

	private TaskDetail detail(Task t) {
		return new TaskDetail(t, rating(t.ratingId()).orElseThrow(), appealOf(t.ratingId()));
	}

	/** One task of the staff member's department; any other is not found. */
	@Transactional(readOnly = true)
	public TaskDetail task(Staff s, UUID id) {
		return detail(ownTask(s, id));
	}

	private Task ownTask(Staff s, UUID id) {
		return jdbc.sql(TASK + " where id = ?").param(id).query(this::taskRow).optional().filter(t -> s.works(t.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("task"));
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			throw new Invalid(Map.of("note", "feedback.error.note"));
		}
		if (note.strip().length() > MAX_NOTE) {
			throw new Invalid(Map.of("note", "feedback.error.noteLength"));
		}
		return note.strip();
	}

	private static DomainException state() {
		return new DomainException(DomainException.Kind.CONFLICT, "rectification-state", "not at this step");
	}

	/** 核实: what the department found when it checked the rating (called the rater, read the case). */
	@Transactional
	public void verify(Staff s, UUID id, String note) {
		Task t = ownTask(s, id);
		String n = note(note);
		if (jdbc.sql("update feedback_rectification set status = 'RECTIFYING', verified_at = now(), verified_by = ?, verification = ? "
				+ "where id = ? and status = 'VERIFYING'").params(s.name(), n, id).update() == 0) {
			throw state();
		}
	}

	/**
	 * 整改 (RECTIFIED: what was fixed) or 解释 (EXPLAINED: why the rater's request has no legal basis). A real-name rating
	 * then waits for the revisit; an anonymous one closes. On time when verified and rectified within their deadlines.
	 */
	@Transactional
	public void rectify(Staff s, UUID id, String outcome, String note) {
		Task t = ownTask(s, id);
		if (!"RECTIFIED".equals(outcome) && !"EXPLAINED".equals(outcome)) {
			throw new Invalid(Map.of("outcome", "feedback.error.outcome"));
		}
		String n = note(note);
		if (!t.status().equals("RECTIFYING")) {
			throw state();
		}
		RatingView r = rating(t.ratingId()).orElseThrow();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		boolean onTime = !t.verifiedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().isAfter(t.verifyDue()) && !today.isAfter(t.rectifyDue());
		String next = r.raterAccountId() != null ? "REVISITING" : "CLOSED";
		jdbc.sql("update feedback_rectification set status = ?, rectified_at = now(), rectified_by = ?, outcome = ?, rectification = ?, "
				+ "on_time = ? where id = ? and status = 'RECTIFYING'").params(next, s.name(), outcome, n, onTime, id).update();
		if (!r.excluded()) {
			statistics.countRectification(r, 0, 1, onTime ? 1 : 0);
		}
	}

	/**
	 * 回访: the department reached the rater and records what they said; the rater is told in-app what was done and that
	 * they may rate once more. Required for every real-name rating (国办发〔2019〕51号).
	 */
	@Transactional
	public void revisit(Staff s, UUID id, String note) {
		Task t = ownTask(s, id);
		String n = note(note);
		if (jdbc.sql("update feedback_rectification set status = 'CLOSED', revisited_at = now(), revisited_by = ?, revisit_note = ? "
				+ "where id = ? and status = 'REVISITING'").params(s.name(), keys.encrypt(n), id).update() == 0) {
			throw state();
		}
		RatingView r = rating(t.ratingId()).orElseThrow();
		String department = directory.departmentByCode(t.departmentCode()).map(d -> d.name()).orElse(t.departmentCode());
		identity.contact(r.raterAccountId()).ifPresent(c -> notifications.notify(
				new NotificationManagement.Recipient(c.accountId(), c.name(), c.mobile(), c.email()), "RATING_REVISITED",
				Map.of("subject", r.subjectLabel(), "department", department, "outcome", t.rectification() == null ? "" : t.rectification()),
				r.caseId() == null ? null : baseUrl + "/cases/" + r.caseId() + "/rating"));
	}

	// ---- 申诉

	public static final List<String> GROUNDS = List.of("MISTAKEN", "MALICIOUS");

	public record Appeal(UUID id, UUID ratingId, String departmentCode, String regionCode, String ground, String reason, String status,
			String filedBy, OffsetDateTime filedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {
	}

	private static final String APPEAL = """
			select id, rating_id, department_code, region_code, ground, reason, status, filed_by, filed_at, decided_by, decided_at, decision_note
			from feedback_appeal""";

	public Optional<Appeal> appealOf(UUID ratingId) {
		return jdbc.sql(APPEAL + " where rating_id = ?").param(ratingId).query(Appeal.class).optional();
	}

	/**
	 * The department admin appeals a bad rating of the department as mistaken or malicious, with the reason; once per
	 * rating.
	 */
	@Transactional
	public Appeal appeal(Staff s, UUID ratingId, String ground, String reason) {
		RatingView r = rating(ratingId).filter(x -> s.works(x.departmentCode()) && s.roles().contains(Role.DEPT_ADMIN))
			.orElseThrow(() -> DomainException.notFound("rating"));
		Map<String, String> problems = new LinkedHashMap<>();
		if (!GROUNDS.contains(ground)) {
			problems.put("ground", "feedback.error.ground");
		}
		if (reason == null || reason.isBlank()) {
			problems.put("reason", "feedback.error.appealReason");
		}
		else if (reason.strip().length() > MAX_NOTE) {
			problems.put("reason", "feedback.error.noteLength");
		}
		if (!problems.isEmpty()) {
			throw new Invalid(problems);
		}
		if (!r.level().bad() || !r.counted() || appealOf(ratingId).isPresent()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "appeal-state", "no appeal possible");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into feedback_appeal (id, rating_id, department_code, region_code, ground, reason, status, filed_by)
					values (?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
				.params(id, ratingId, r.departmentCode(), r.regionCode(), ground, reason.strip(), s.name())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "appeal-state", "appealed already");
		}
		return appealOf(ratingId).orElseThrow();
	}

	/** A supervisor's view of an appeal: with its rating. */
	public record AppealDetail(Appeal appeal, RatingView rating) {
	}

	/** Appeals of the supervisor's region, pending first. */
	@Transactional(readOnly = true)
	public List<AppealDetail> appeals(Staff s) {
		if (!s.roles().contains(Role.SUPERVISOR) || s.regionScope() == null) {
			return List.of();
		}
		return jdbc.sql(APPEAL + " where region_code like ? order by status <> 'PENDING', filed_at desc limit 200")
			.param(RatingStatistics.prefix(s.regionScope()) + "%")
			.query(Appeal.class)
			.list()
			.stream()
			.map(a -> new AppealDetail(a, rating(a.ratingId()).orElseThrow()))
			.toList();
	}

	/**
	 * The supervisor decides: upheld takes the rating out of the statistics (and its rectification task with it); the
	 * rating stays, marked, for supervisors. Rejected changes nothing. Either is recorded in the audit trail.
	 */
	@Transactional
	public void decide(Staff s, UUID appealId, boolean uphold, String note) {
		Appeal a = jdbc.sql(APPEAL + " where id = ?").param(appealId).query(Appeal.class).optional()
			.filter(x -> s.supervises(x.regionCode()))
			.orElseThrow(() -> DomainException.notFound("appeal"));
		String n = note(note);
		if (jdbc.sql("update feedback_appeal set status = ?, decided_by = ?, decided_at = now(), decision_note = ? where id = ? and status = 'PENDING'")
			.params(uphold ? "UPHELD" : "REJECTED", s.name(), n, appealId)
			.update() == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "appeal-state", "decided already");
		}
		audit.record("RATING_APPEAL", "staff:" + s.accountId(), "rating:" + a.ratingId(), (uphold ? "UPHELD: " : "REJECTED: ") + n);
		if (!uphold) {
			return;
		}
		RatingView r = rating(a.ratingId()).orElseThrow();
		jdbc.sql("update feedback_rating set excluded = true where id = ?").param(r.id()).update();
		if (r.counted()) {
			statistics.count(r, -1);
		}
		// the first rating's task, if this (or the rating it replaced) opened one
		jdbc.sql(TASK + " where rating_id = ?").param(r.id()).query(this::taskRow).optional().ifPresent(t -> {
			jdbc.sql("update feedback_rectification set status = 'EXCLUDED' where id = ?").param(t.id()).update();
			statistics.countRectification(r, -1, t.rectifiedAt() != null ? -1 : 0, Boolean.TRUE.equals(t.onTime()) ? -1 : 0);
		});
	}

	/** Ratings of the supervisor's region, newest first, excluded ones among them (marked). */
	@Transactional(readOnly = true)
	public List<RatingView> ratingsSupervised(Staff s, int limit) {
		if (!s.roles().contains(Role.SUPERVISOR) || s.regionScope() == null) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where region_code like ? order by created_at desc limit ?")
			.params(RatingStatistics.prefix(s.regionScope()) + "%", limit)
			.query(this::ratingRow)
			.list();
	}

	/** The department's ratings, newest first (excluded ones too). */
	@Transactional(readOnly = true)
	public List<RatingView> ratingsOfDepartment(Staff s, int limit) {
		if (!s.works(s.departmentCode())) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where department_code = ? order by created_at desc limit ?")
			.params(s.departmentCode(), limit)
			.query(this::ratingRow)
			.list();
	}

	/** For lists that say who rated, masked: the rater's name (family name only), or empty when anonymous. */
	public String raterName(RatingView r) {
		return r.raterAccountId() == null ? "" : identity.account(r.raterAccountId()).map(a -> tongban.shared.Masking.name(a.displayName())).orElse("");
	}

	static List<String> allTags() {
		List<String> out = new ArrayList<>(BAD_TAGS);
		out.addAll(GOOD_TAGS);
		return out;
	}
}
