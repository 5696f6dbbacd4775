package tongban.casework.internal;

import java.time.LocalDate;

import tongban.catalog.ServiceGuide;
import tongban.shared.WorkingCalendar;

/**
 * The one rule for a case's promised completion date (预计办结日期), written on the case when it is submitted,
 * resubmitted after 补正 and accepted, and read from there by every page and message: the confirmation, the SMS, 我的办件,
 * the approver's inbox and supervision. A promised date is always a working day:
 * <ul>
 * <li>即办件 (or a limit of 0): the day itself when it is a working day, else the next working day (an application sent
 * on a Sunday is handled on Monday);</li>
 * <li>a limit in working days: the n-th working day after the day (行政许可法 Art. 82, the first day not counted);</li>
 * <li>a limit in natural days: n days after the day, and when that is a holiday or weekend the next working day
 * (民法典 Art. 203: a period whose last day is a statutory holiday ends on the day after the holiday).</li>
 * </ul>
 */
public final class PromisedDates {

	private PromisedDates() {
	}

	/** The promised date of an application under guide {@code guide} counted from {@code day} on calendar {@code calendar}. */
	public static LocalDate from(ServiceGuide guide, LocalDate day, WorkingCalendar calendar) {
		return from(guide.immediate(), guide.promisedLimit(), guide.limitUnit(), day, calendar);
	}

	/** As {@link #from(ServiceGuide, LocalDate, WorkingCalendar)}, from the guide's three fields that decide it. */
	public static LocalDate from(boolean immediate, int limit, String unit, LocalDate day, WorkingCalendar calendar) {
		if (immediate || limit == 0) {
			return calendar.onOrAfter(day);
		}
		if (NATURAL_DAY.equals(unit)) {
			return calendar.onOrAfter(day.plusDays(limit));
		}
		return calendar.addWorkingDays(day, limit);
	}

	/** The catalogue's unit of a limit counted in calendar days ({@code limitUnit}). */
	static final String NATURAL_DAY = "NATURAL_DAY";
}
