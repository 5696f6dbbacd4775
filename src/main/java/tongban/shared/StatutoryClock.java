package tongban.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * The clock of a time limit in working days (行政许可法 Art. 42, 45, 82): it starts the day after {@code start}
 * (acceptance), stops while a pause runs (a supplement request, or a special procedure such as a hearing, test,
 * inspection or expert review, which are excluded from the limit with written notice) and may be extended (Art. 42:
 * by up to 10 working days with the head's approval).
 *
 * <p>A pause from {@code from} to {@code to} excludes the working days in (from, to]; an open pause (no end yet)
 * stops the clock at {@code from}.
 */
public record StatutoryClock(LocalDate start, int limit, List<Pause> pauses, int extension) {

	/** A stop of the clock; {@code to} is null while it runs. */
	public record Pause(LocalDate from, LocalDate to) {
	}

	public enum Level { GREEN, YELLOW, RED, PAUSED }

	public StatutoryClock {
		pauses = pauses == null ? List.of() : List.copyOf(pauses);
		if (limit < 0 || extension < 0) {
			throw new IllegalArgumentException("negative limit");
		}
	}

	public boolean paused() {
		return pauses.stream().anyMatch(p -> p.to() == null);
	}

	/** Working days excluded by closed pauses. */
	public int pausedDays(WorkingCalendar cal) {
		return pauses.stream().filter(p -> p.to() != null).mapToInt(p -> cal.workingDaysBetween(p.from(), p.to())).sum();
	}

	/** The last day of the limit, given the pauses so far (an open pause counts until {@code today}). */
	public LocalDate due(WorkingCalendar cal, LocalDate today) {
		int open = pauses.stream().filter(p -> p.to() == null).mapToInt(p -> cal.workingDaysBetween(p.from(), today)).sum();
		return cal.addWorkingDays(start, limit + extension + pausedDays(cal) + open);
	}

	/** Working days left after {@code today} until the due date; negative when overdue by that many working days. */
	public int remaining(WorkingCalendar cal, LocalDate today) {
		return remaining(cal, today, due(cal, today));
	}

	/** Working days from {@code today} to {@code due}; negative when overdue by that many working days. */
	public static int remaining(WorkingCalendar cal, LocalDate today, LocalDate due) {
		return today.isAfter(due) ? -cal.workingDaysBetween(due, today) : cal.workingDaysBetween(today, due);
	}

	/** Green, yellow at {@code warnAt} or fewer working days left, red when overdue, paused while a pause runs. */
	public Level level(WorkingCalendar cal, LocalDate today, int warnAt) {
		return level(remaining(cal, today), paused(), warnAt);
	}

	public static Level level(int remaining, boolean paused, int warnAt) {
		if (paused) {
			return Level.PAUSED;
		}
		return remaining < 0 ? Level.RED : remaining <= warnAt ? Level.YELLOW : Level.GREEN;
	}

	/** Whether every year the clock runs through has a published calendar (otherwise the due date is provisional). */
	public boolean certain(WorkingCalendar cal, LocalDate today) {
		LocalDate due = due(cal, today);
		for (int y = start.getYear(); y <= due.getYear(); y++) {
			if (!cal.covers(y)) {
				return false;
			}
		}
		return true;
	}
}
