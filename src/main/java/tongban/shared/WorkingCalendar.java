package tongban.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 工作日: a day is a working day when it is a make-up working day (调休上班), or a Monday to Friday that is not a
 * statutory holiday. The holidays and make-up days of each year are data published by the State Council (see
 * shared/STANDARDS.md), shipped in {@code data/calendar/<year>.csv} and uploaded by admins for later years. A year
 * without data is counted Monday to Friday and reported by {@link #covers(int)}, so clocks can say their date is
 * provisional.
 *
 * <p>Counting follows 行政许可法 Art. 82 with the civil-law rule that the first day is not counted: the limit of
 * {@code n} working days from day {@code d} ends at the end of the n-th working day after {@code d}.
 */
public final class WorkingCalendar {

	public enum Kind { HOLIDAY, WORKDAY }

	/** One listed day of a year's arrangement. */
	public record Day(LocalDate date, Kind kind, String name) {
	}

	/** A line of an uploaded or shipped year that could not be read: line number and message key. */
	public record Problem(int line, String code) {
	}

	private final Map<LocalDate, Kind> days;
	private final Set<Integer> years;
	private final Set<Integer> provisional;

	public WorkingCalendar(Collection<Day> listed) {
		this(listed, Set.of());
	}

	/**
	 * A calendar whose {@code provisional} years list only what the law fixes (the statutory holidays) while the State
	 * Council's notice with the year's 调休 is not yet out: they count, but are not {@link #covers(int) covered}.
	 */
	public WorkingCalendar(Collection<Day> listed, Set<Integer> provisional) {
		Map<LocalDate, Kind> map = new HashMap<>();
		Set<Integer> ys = new TreeSet<>();
		for (Day d : listed) {
			map.put(d.date(), d.kind());
			ys.add(d.date().getYear());
		}
		ys.removeAll(provisional);
		this.days = Map.copyOf(map);
		this.years = Set.copyOf(ys);
		this.provisional = Set.copyOf(provisional);
	}

	/** Whether the year's arrangement is the published one (not missing, not provisional). */
	public boolean covers(int year) {
		return years.contains(year);
	}

	public boolean provisional(int year) {
		return provisional.contains(year);
	}

	public Set<Integer> years() {
		return new TreeSet<>(years);
	}

	public boolean isWorkingDay(LocalDate d) {
		Kind k = days.get(d);
		if (k != null) {
			return k == Kind.WORKDAY;
		}
		return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The n-th working day after {@code start} ({@code start} itself not counted); {@code start} when n is 0. */
	public LocalDate addWorkingDays(LocalDate start, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("negative working days");
		}
		LocalDate d = start;
		for (int counted = 0; counted < n;) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				counted++;
			}
		}
		return d;
	}

	/** {@code day} when it is a working day, else the first working day after it. */
	public LocalDate onOrAfter(LocalDate day) {
		LocalDate d = day;
		while (!isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/** Working days in (from, to]: 0 when to is not after from. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Reads one year's CSV ({@code date,kind,name}; lines starting with # and the header are skipped). Every line must
	 * be a date of {@code year}, a kind, a name; a make-up working day must fall on a weekend; no date twice.
	 */
	public static List<Day> parse(int year, InputStream in, List<Problem> problems) {
		List<Day> out = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int no = 0;
			while ((line = r.readLine()) != null) {
				no++;
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#") || line.startsWith("\uFEFF#") || line.equals("date,kind,name")) {
					continue;
				}
				String[] c = line.split("[,，]", 3);
				if (c.length < 2) {
					problems.add(new Problem(no, "calendar.error.columns"));
					continue;
				}
				LocalDate date;
				try {
					date = LocalDate.parse(c[0].strip().replace("\uFEFF", ""));
				}
				catch (DateTimeParseException e) {
					problems.add(new Problem(no, "calendar.error.date"));
					continue;
				}
				Kind kind;
				try {
					kind = Kind.valueOf(c[1].strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					problems.add(new Problem(no, "calendar.error.kind"));
					continue;
				}
				if (date.getYear() != year) {
					problems.add(new Problem(no, "calendar.error.year"));
				}
				else if (!seen.add(date)) {
					problems.add(new Problem(no, "calendar.error.duplicate"));
				}
				else if (kind == Kind.WORKDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					problems.add(new Problem(no, "calendar.error.workdayOnWeekday"));
				}
				else {
					out.add(new Day(date, kind, c.length > 2 ? c[2].strip() : ""));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (problems.isEmpty() && out.stream().noneMatch(d -> d.kind() == Kind.HOLIDAY)) {
			problems.add(new Problem(0, "calendar.error.noHolidays"));
		}
		return out;
	}

	/** The years shipped with the platform, from {@code data/calendar/<year>.csv} on the class path. */
	public static Map<Integer, List<Day>> shipped() {
		Map<Integer, List<Day>> out = new TreeMap<>();
		for (int year = 2020; year <= 2100; year++) {
			InputStream in = WorkingCalendar.class.getResourceAsStream("/data/calendar/" + year + ".csv");
			if (in != null) {
				List<Problem> problems = new ArrayList<>();
				List<Day> days = parse(year, in, problems);
				if (!problems.isEmpty()) {
					throw new IllegalStateException("data/calendar/" + year + ".csv: " + problems);
				}
				out.put(year, days);
			}
		}
		return out;
	}

	/** The line that marks a shipped year as provisional (statutory holidays only, the notice not yet published). */
	static final String PROVISIONAL_MARK = "# status: provisional";

	/** The shipped years marked provisional. */
	public static Set<Integer> shippedProvisional() {
		Set<Integer> out = new TreeSet<>();
		for (int year : shipped().keySet()) {
			try (InputStream in = WorkingCalendar.class.getResourceAsStream("/data/calendar/" + year + ".csv")) {
				if (new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().anyMatch(l -> l.strip().equals(PROVISIONAL_MARK))) {
					out.add(year);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

	/** A calendar of the shipped years only (tests, tools). */
	public static WorkingCalendar ofShipped() {
		return new WorkingCalendar(shipped().values().stream().flatMap(List::stream).toList(), shippedProvisional());
	}
}
