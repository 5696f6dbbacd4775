package tongban.hall.points;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.ServicePoint;
import tongban.directory.ServicePoints.Session;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * A point's days as people read them: today's status (open now, opens at, closed today and why) and the hours of the
 * coming days. Whether a point opens is the directory's answer ({@link ServicePoints#hoursOn}); this only says why not,
 * from the one calendar (the holiday's name, a weekend) or the point's own closure, and marks 调休 make-up days.
 */
@Service
public class PointDays {

	/** Why a point is closed on a day, or that a weekend day is a make-up working day; keys under hall.points.day. */
	public enum Note { HOLIDAY, WEEKEND, CLOSURE, NO_HOURS, MAKE_UP }

	/** One day of a point: the sessions it is open (none when closed), a note and its text (holiday name, closure reason). */
	public record DayHours(LocalDate day, List<Session> sessions, Note note, String reason) {

		public boolean open() {
			return !sessions.isEmpty();
		}

		/** The sessions in words, e.g. "09:00–12:00、13:30–17:00". */
		public String hoursText() {
			return String.join("、", sessions.stream().map(s -> s.opens() + "–" + s.closes()).toList());
		}
	}

	/** Where a point stands now. */
	public enum State { OPEN_NOW, OPENS_LATER, CLOSED_FOR_THE_DAY, CLOSED_TODAY }

	/** Today's status: the state, the time it closes or opens (if any), and today's hours with the reason it is closed. */
	public record Status(State state, LocalTime time, DayHours today) {
	}

	private final ServicePoints points;
	private final WorkingCalendars calendars;
	private final Clock clock;

	PointDays(ServicePoints points, WorkingCalendars calendars, Clock clock) {
		this.points = points;
		this.calendars = calendars;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The point's days from today on, {@code count} of them. */
	public List<DayHours> coming(ServicePoint point, int count) {
		LocalDate from = today();
		Map<Integer, Map<LocalDate, WorkingCalendar.Day>> listed = new HashMap<>();
		List<DayHours> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			out.add(day(point, from.plusDays(i), listed));
		}
		return out;
	}

	/** Where the point stands at this moment of the one clock. */
	public Status status(ServicePoint point) {
		LocalDateTime now = LocalDateTime.now(clock);
		DayHours today = day(point, now.toLocalDate(), new HashMap<>());
		LocalTime time = now.toLocalTime();
		for (Session s : today.sessions()) {
			if (s.contains(time)) {
				return new Status(State.OPEN_NOW, s.closes(), today);
			}
			if (time.isBefore(s.opens())) {
				return new Status(State.OPENS_LATER, s.opens(), today);
			}
		}
		return new Status(today.open() ? State.CLOSED_FOR_THE_DAY : State.CLOSED_TODAY, null, today);
	}

	private DayHours day(ServicePoint point, LocalDate day, Map<Integer, Map<LocalDate, WorkingCalendar.Day>> listed) {
		List<Session> sessions = points.hoursOn(point.id(), day);
		Optional<WorkingCalendar.Day> entry = Optional.ofNullable(listed.computeIfAbsent(day.getYear(), this::listed).get(day));
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (!sessions.isEmpty()) {
			boolean makeUp = weekend && entry.map(d -> d.kind() == WorkingCalendar.Kind.WORKDAY).orElse(false);
			return new DayHours(day, sessions, makeUp ? Note.MAKE_UP : null, makeUp ? entry.get().name() : null);
		}
		if (!calendars.current().isWorkingDay(day)) {
			return entry.filter(d -> d.kind() == WorkingCalendar.Kind.HOLIDAY && !weekendOnly(d, weekend))
				.map(d -> new DayHours(day, sessions, Note.HOLIDAY, d.name()))
				.orElseGet(() -> new DayHours(day, sessions, Note.WEEKEND, null));
		}
		Optional<String> closure = points.closure(point.id(), day);
		return closure.map(reason -> new DayHours(day, sessions, Note.CLOSURE, reason))
			.orElseGet(() -> new DayHours(day, sessions, Note.NO_HOURS, null));
	}

	/** A weekend listed as a holiday without a name is just a weekend. */
	private static boolean weekendOnly(WorkingCalendar.Day entry, boolean weekend) {
		return weekend && (entry.name() == null || entry.name().isBlank());
	}

	private Map<LocalDate, WorkingCalendar.Day> listed(int year) {
		Map<LocalDate, WorkingCalendar.Day> out = new HashMap<>();
		calendars.days(year).forEach(d -> out.put(d.date(), d));
		return out;
	}
}
