package tongban.shared;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's working-day calendar, kept in {@code shared_calendar_day}: the shipped years are added on start when
 * missing, platform admins upload later years (or a corrected year, which replaces it). {@link #current()} is the
 * calendar every clock uses.
 */
@Service
@Order(0)
public class WorkingCalendars implements ApplicationRunner {

	/** A year as listed in the console. */
	public record Year(int year, long holidays, long workdays, String source, OffsetDateTime loadedAt) {

		/** Statutory holidays only, until the State Council's notice for the year is uploaded. */
		public boolean provisional() {
			return source != null && source.endsWith(PROVISIONAL);
		}
	}

	private final JdbcClient jdbc;
	private volatile WorkingCalendar current = new WorkingCalendar(List.of());

	/** Signal that a year of the calendar was replaced: every node reads the calendar again. */
	private static final String CALENDAR_CHANGED = "shared_calendar";

	private final ClusterSignals signals;

	WorkingCalendars(JdbcClient jdbc, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.signals = signals;
		signals.listen(CALENDAR_CHANGED, payload -> reload());
	}

	public WorkingCalendar current() {
		return current;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Set<Integer> provisional = WorkingCalendar.shippedProvisional();
		for (Map.Entry<Integer, List<WorkingCalendar.Day>> e : WorkingCalendar.shipped().entrySet()) {
			int year = e.getKey();
			boolean stale = !provisional.contains(year) && loadedProvisional().contains(year); // a release now ships the notice
			if (count(year) == 0 || stale) {
				delete(year);
				insert(e.getValue(), "data/calendar/" + year + ".csv" + (provisional.contains(year) ? PROVISIONAL : ""));
			}
		}
		reload();
	}

	public List<Year> years() {
		return jdbc.sql("""
				select extract(year from day)::int as year, count(*) filter (where kind = 'HOLIDAY') as holidays,
				       count(*) filter (where kind = 'WORKDAY') as workdays, min(source) as source, max(loaded_at) as loaded_at
				from shared_calendar_day group by 1 order by 1""").query(Year.class).list();
	}

	public List<WorkingCalendar.Day> days(int year) {
		return jdbc.sql("select day as date, kind, name from shared_calendar_day where day between ? and ? order by day")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(WorkingCalendar.Day.class)
			.list();
	}

	/** Replaces a year with an uploaded CSV; nothing changes when any line is wrong. */
	@Transactional
	public List<WorkingCalendar.Problem> upload(int year, InputStream csv, String uploadedBy) {
		List<WorkingCalendar.Problem> problems = new ArrayList<>();
		if (year < 2000 || year > 2100) {
			problems.add(new WorkingCalendar.Problem(0, "calendar.error.yearRange"));
			return problems;
		}
		List<WorkingCalendar.Day> days = WorkingCalendar.parse(year, csv, problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		delete(year);
		insert(days, "uploaded by " + uploadedBy);
		reload();
		signals.send(CALENDAR_CHANGED, String.valueOf(year));
		return problems;
	}

	private long count(int year) {
		return jdbc.sql("select count(*) from shared_calendar_day where day between ? and ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(Long.class)
			.single();
	}

	private void insert(List<WorkingCalendar.Day> days, String source) {
		for (WorkingCalendar.Day d : days) {
			jdbc.sql("insert into shared_calendar_day (day, kind, name, source) values (?, ?, ?, ?)")
				.params(d.date(), d.kind().name(), d.name(), source)
				.update();
		}
	}

	/** Marks the source of a year loaded from a provisional shipped file. */
	static final String PROVISIONAL = " (provisional)";

	private Set<Integer> loadedProvisional() {
		return new HashSet<>(jdbc.sql("select distinct extract(year from day)::int from shared_calendar_day where source like ?")
			.param("%" + PROVISIONAL)
			.query(Integer.class)
			.list());
	}

	private void delete(int year) {
		jdbc.sql("delete from shared_calendar_day where day between ? and ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.update();
	}

	private void reload() {
		current = new WorkingCalendar(jdbc.sql("select day as date, kind, name from shared_calendar_day")
			.query(WorkingCalendar.Day.class)
			.list(), loadedProvisional());
	}
}
