package tongban.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tongban.shared.WorkingCalendar;

/**
 * The promised date never falls on a day off. Expected dates counted by hand on the shipped 2026 arrangement: Sunday
 * 2026-12-06; 中秋 9/25–9/27 and 国庆 10/1–10/7 off, Saturday 10/10 a make-up working day.
 */
class PromisedDatesTest {

	private final WorkingCalendar cal = WorkingCalendar.ofShipped();

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	@Test
	void anImmediateItemSentOnADayOffIsPromisedForTheNextWorkingDay() {
		assertThat(PromisedDates.from(true, 0, "WORKING_DAY", d("2026-12-06"), cal)).as("Sunday: Monday").isEqualTo(d("2026-12-07"));
		assertThat(PromisedDates.from(true, 0, "WORKING_DAY", d("2026-12-07"), cal)).as("Monday: the same day").isEqualTo(d("2026-12-07"));
		assertThat(PromisedDates.from(true, 0, "WORKING_DAY", d("2026-10-01"), cal)).as("National Day: after the holiday").isEqualTo(d("2026-10-08"));
		assertThat(PromisedDates.from(true, 0, "WORKING_DAY", d("2026-10-10"), cal)).as("a make-up Saturday works").isEqualTo(d("2026-10-10"));
		assertThat(PromisedDates.from(false, 0, "WORKING_DAY", d("2026-12-05"), cal)).as("a limit of 0, Saturday").isEqualTo(d("2026-12-07"));
	}

	@Test
	void workingDaysAcrossAWeekendAndAHoliday() {
		assertThat(PromisedDates.from(false, 5, "WORKING_DAY", d("2026-12-06"), cal)).isEqualTo(d("2026-12-11"));
		// 10/8 Thu 1, 10/9 Fri 2, 10/10 Sat (make-up) 3, 10/12–10/16 4–8, 10/19 9, 10/20 10
		assertThat(PromisedDates.from(false, 10, "WORKING_DAY", d("2026-09-30"), cal)).isEqualTo(d("2026-10-20"));
	}

	@Test
	void naturalDaysEndingOnADayOffMoveToTheNextWorkingDay() {
		assertThat(PromisedDates.from(false, 3, "NATURAL_DAY", d("2026-09-28"), cal)).as("10/1 is National Day").isEqualTo(d("2026-10-08"));
		assertThat(PromisedDates.from(false, 6, "NATURAL_DAY", d("2026-11-30"), cal)).as("a Sunday").isEqualTo(d("2026-12-07"));
		assertThat(PromisedDates.from(false, 2, "NATURAL_DAY", d("2026-12-07"), cal)).as("a Wednesday").isEqualTo(d("2026-12-09"));
	}
}
