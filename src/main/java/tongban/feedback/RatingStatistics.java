package tongban.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.shared.Clocks;
import tongban.shared.ClusterSignals;
import tongban.shared.ClusterVersion;
import tongban.shared.DomainException;

/**
 * The published indicators (国办发〔2019〕51号 "好差评数据 … 按月公开"), read from {@code feedback_monthly}, which every
 * rating, rectification and appeal updates in its own transaction: a query sums a few rows per department and month and
 * never scans the ratings. Definitions (docs/feedback.md): good rate = (非常满意 + 满意) / counted ratings; active good
 * rate = good ratings the person gave / counted ratings; unrated rate = default ratings (cases the person did not rate)
 * / counted ratings; rectified-on-time rate = tasks verified and rectified within their deadlines / tasks opened.
 * Counted ratings: not excluded by an upheld appeal and not replaced by a re-rating.
 */
@Service
public class RatingStatistics {

	private final JdbcClient jdbc;
	private final DirectoryManagement directory;
	private final ApplicationEventPublisher events;

	RatingStatistics(JdbcClient jdbc, DirectoryManagement directory, ApplicationEventPublisher events, ClusterSignals signals) {
		this.version = new ClusterVersion(signals, "feedback_ratings");
		this.events = events;
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** Department names by code (the directory's, read at most once a minute). */
	public Map<String, String> departmentNames() {
		return directory.departmentNames();
	}

	/** The regions to filter by, by name: those of the departments and every enclosing province and city. */
	public List<Region> regions() {
		return directory.regionsOf(departmentNames().keySet());
	}

	/** Counts and the rates made from them (null when nothing was counted). */
	public record Figures(long ratings, long active, long good, long activeGood, long neutral, long bad, long defaulted,
			long rectifyOpened, long rectifyDone, long rectifyOnTime, Double goodRate, Double activeGoodRate, Double unratedRate,
			Double rectifiedOnTimeRate) {

		static Figures of(long ratings, long active, long good, long activeGood, long neutral, long bad, long defaulted, long opened,
				long done, long onTime) {
			return new Figures(ratings, active, good, activeGood, neutral, bad, defaulted, opened, done, onTime, rate(good, ratings),
					rate(activeGood, ratings), rate(defaulted, ratings), rate(onTime, opened));
		}

		private static Double rate(long n, long of) {
			return of == 0 ? null : Math.round(n * 10000.0 / of) / 10000.0;
		}
	}

	/** One department or one month. */
	public record Row(String key, String label, Figures figures) {
	}

	/**
	 * The indicators of {@code month} (all departments of the region, or one), by department, the twelve months up to it,
	 * and bad ratings by tag.
	 */
	public record Stats(String region, String department, String month, Figures total, List<Row> byDepartment, List<Row> byMonth,
			Map<String, Long> badByTag) {
	}

	/** Moved after each commit that changed the aggregate, on every node: cached answers of an older version are not used. */
	private final ClusterVersion version;

	private record Key(String region, String department, String month) {
	}

	private record Cached(long version, long at, Stats stats) {
	}

	private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * How long an answer may be reused while nothing changed. A write on any node makes it stale after its commit (a
	 * cluster signal); the age limit is a second line of defence.
	 */
	static final long CACHE_NANOS = 5_000_000_000L;

	/**
	 * The filters as given (null or blank: all; month null: the current month); malformed filters are INVALID. The
	 * public page and API ask for the same few combinations over and over: an answer is reused until the next write
	 * commits here, or for at most {@link #CACHE_NANOS}.
	 */
	public Stats stats(String region, String department, String month) {
		Key key = new Key(region == null ? "" : region.strip(), department == null ? "" : department.strip(),
				month == null || month.isBlank() ? YearMonth.now(Clocks.ZONE).toString() : month.strip());
		long v = version.current();
		long now = System.nanoTime();
		Cached c = cache.get(key);
		if (c != null && c.version() == v && now - c.at() < CACHE_NANOS) {
			return c.stats();
		}
		Stats computed = compute(region, department, month);
		if (cache.size() > 10_000) {
			cache.clear();
		}
		cache.put(key, new Cached(v, now, computed));
		return computed;
	}

	/**
	 * A number that changes after every commit that changed the aggregate on any node (for caches of what is made from
	 * the statistics, such as the rendered public page).
	 */
	public long version() {
		return version.current();
	}

	private void changed() {
		version.changed("");
	}

	private Stats compute(String region, String department, String month) {
		String r = region == null || region.isBlank() ? null : region.strip();
		String d = department == null || department.isBlank() ? null : department.strip();
		if (r != null && !r.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
			throw new DomainException(DomainException.Kind.INVALID, "ratings-filter", "region", "region");
		}
		if (d != null && !d.matches("[A-Za-z0-9-]{2,40}")) {
			throw new DomainException(DomainException.Kind.INVALID, "ratings-filter", "department", "department");
		}
		YearMonth m;
		try {
			m = month == null || month.isBlank() ? YearMonth.now(Clocks.ZONE) : YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw new DomainException(DomainException.Kind.INVALID, "ratings-filter", "month", "month");
		}
		String prefix = r == null ? "" : prefix(r);
		LocalDate first = m.atDay(1);
		Map<String, String> names = departmentNames();

		List<Row> byDepartment = new ArrayList<>();
		long[] sum = new long[10];
		jdbc.sql(SUMS + " and month = ? group by department_code order by department_code")
			.params(prefix, prefix + "%", d, d, first)
			.query((rs, n) -> {
				long[] v = read(rs);
				for (int i = 0; i < sum.length; i++) {
					sum[i] += v[i];
				}
				String code = rs.getString("k");
				return new Row(code, names.getOrDefault(code, code), figures(v));
			})
			.list()
			.forEach(byDepartment::add);

		Map<LocalDate, Row> months = new LinkedHashMap<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth ym = m.minusMonths(i);
			months.put(ym.atDay(1), new Row(ym.toString(), ym.toString(), figures(new long[10])));
		}
		jdbc.sql(SUMS.replace("department_code as k", "month as k") + " and month between ? and ? group by month")
			.params(prefix, prefix + "%", d, d, m.minusMonths(11).atDay(1), first)
			.query((rs, n) -> {
				LocalDate k = rs.getObject("k", LocalDate.class);
				return new Row(YearMonth.from(k).toString(), YearMonth.from(k).toString(), figures(read(rs)));
			})
			.list()
			.forEach(row -> months.put(YearMonth.parse(row.key()).atDay(1), row));

		Map<String, Long> tags = new LinkedHashMap<>();
		for (String t : RatingInput.BAD_TAGS) {
			tags.put(t, 0L);
		}
		jdbc.sql("""
				select tag, sum(bad) as n from feedback_monthly_tag
				where (? = '' or region_code like ?) and (?::text is null or department_code = ?) and month = ? group by tag""")
			.params(prefix, prefix + "%", d, d, first)
			.query((rs, n) -> Map.entry(rs.getString("tag"), rs.getLong("n")))
			.list()
			.forEach(e -> tags.put(e.getKey(), e.getValue()));
		return new Stats(r, d, m.toString(), figures(sum), byDepartment, new ArrayList<>(months.values()), tags);
	}

	private static final String SUMS = """
			select department_code as k, sum(ratings) as ratings, sum(active) as active, sum(good) as good, sum(active_good) as active_good,
			  sum(neutral) as neutral, sum(bad) as bad, sum(defaulted) as defaulted, sum(rectify_opened) as rectify_opened,
			  sum(rectify_done) as rectify_done, sum(rectify_on_time) as rectify_on_time
			from feedback_monthly where (? = '' or region_code like ?) and (?::text is null or department_code = ?)""";

	private static long[] read(ResultSet rs) throws SQLException {
		return new long[] { rs.getLong("ratings"), rs.getLong("active"), rs.getLong("good"), rs.getLong("active_good"), rs.getLong("neutral"),
				rs.getLong("bad"), rs.getLong("defaulted"), rs.getLong("rectify_opened"), rs.getLong("rectify_done"), rs.getLong("rectify_on_time") };
	}

	private static Figures figures(long[] v) {
		return Figures.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
	}

	/** 330100 → 3301: a city's or province's code covers the regions that start with it. */
	static String prefix(String region) {
		String r = region;
		while (r.length() > 2 && r.endsWith("00")) {
			r = r.substring(0, r.length() - 2);
		}
		return r;
	}

	/**
	 * Recomputes the monthly aggregate from the ratings and tasks (after a bulk load, or to check the incremental one):
	 * the same definitions as {@link #count} and {@link #countRectification}, in three statements.
	 */
	@Transactional
	public void rebuild() {
		changed();
		jdbc.sql("delete from feedback_monthly_tag").update();
		jdbc.sql("delete from feedback_monthly").update();
		jdbc.sql("""
				insert into feedback_monthly (month, department_code, region_code, ratings, active, good, active_good, neutral, bad, defaulted)
				select month, department_code, region_code, count(*), count(*) filter (where active), count(*) filter (where level >= 4),
				  count(*) filter (where level >= 4 and active), count(*) filter (where level = 3), count(*) filter (where level <= 2),
				  count(*) filter (where not active)
				from feedback_rating where not excluded and replaced_by is null group by month, department_code, region_code""").update();
		jdbc.sql("""
				insert into feedback_monthly (month, department_code, region_code, rectify_opened, rectify_done, rectify_on_time)
				select r.month, r.department_code, r.region_code, count(*), count(*) filter (where t.rectified_at is not null),
				  count(*) filter (where t.on_time)
				from feedback_rectification t join feedback_rating r on r.id = t.rating_id where t.status <> ?
				group by r.month, r.department_code, r.region_code
				on conflict (month, department_code, region_code) do update set rectify_opened = excluded.rectify_opened,
				  rectify_done = excluded.rectify_done, rectify_on_time = excluded.rectify_on_time""").param(RectificationStatus.EXCLUDED.name()).update();
		jdbc.sql("""
				insert into feedback_monthly_tag (month, department_code, region_code, tag, bad)
				select month, department_code, region_code, tag, count(*)
				from feedback_rating, unnest(tags) as tag
				where level <= 2 and not excluded and replaced_by is null and tag = any(?) group by month, department_code, region_code, tag""")
			.param(RatingInput.BAD_TAGS.toArray(String[]::new))
			.update();
	}

	// ---- writes, in the caller's transaction

	/** What one rating adds to (sign 1) or takes from (sign -1) its month. */
	void count(RatingView r, int sign) {
		events.publishEvent(new RatingCounted(r.id()));
		Level l = r.level();
		bump(r.month(), r.departmentCode(), r.regionCode(), sign, r.active() ? sign : 0, l.good() ? sign : 0, l.good() && r.active() ? sign : 0,
				l == Level.BASICALLY_SATISFIED ? sign : 0, l.bad() ? sign : 0, r.active() ? 0 : sign, 0, 0, 0);
		if (l.bad()) {
			for (String t : r.tags()) {
				if (RatingInput.BAD_TAGS.contains(t)) {
					jdbc.sql("""
							insert into feedback_monthly_tag (month, department_code, region_code, tag, bad) values (?, ?, ?, ?, ?)
							on conflict (month, department_code, region_code, tag) do update set bad = feedback_monthly_tag.bad + excluded.bad""")
						.params(r.month(), r.departmentCode(), r.regionCode(), t, sign)
						.update();
				}
			}
		}
	}

	/** Rectification counts of the rating's month. */
	void countRectification(RatingView r, int opened, int done, int onTime) {
		events.publishEvent(new RatingCounted(r.id()));
		bump(r.month(), r.departmentCode(), r.regionCode(), 0, 0, 0, 0, 0, 0, 0, opened, done, onTime);
	}

	private void bump(LocalDate month, String department, String region, long ratings, long active, long good, long activeGood, long neutral,
			long bad, long defaulted, long opened, long done, long onTime) {
		changed();
		jdbc.sql("""
				insert into feedback_monthly (month, department_code, region_code, ratings, active, good, active_good, neutral, bad, defaulted,
				  rectify_opened, rectify_done, rectify_on_time)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (month, department_code, region_code) do update set ratings = feedback_monthly.ratings + excluded.ratings,
				  active = feedback_monthly.active + excluded.active, good = feedback_monthly.good + excluded.good,
				  active_good = feedback_monthly.active_good + excluded.active_good, neutral = feedback_monthly.neutral + excluded.neutral,
				  bad = feedback_monthly.bad + excluded.bad, defaulted = feedback_monthly.defaulted + excluded.defaulted,
				  rectify_opened = feedback_monthly.rectify_opened + excluded.rectify_opened,
				  rectify_done = feedback_monthly.rectify_done + excluded.rectify_done,
				  rectify_on_time = feedback_monthly.rectify_on_time + excluded.rectify_on_time""")
			.params(month, department, region, ratings, active, good, activeGood, neutral, bad, defaulted, opened, done, onTime)
			.update();
	}
}
