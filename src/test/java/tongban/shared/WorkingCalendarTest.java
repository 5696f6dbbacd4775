package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.shared.StatutoryClock.Level;
import tongban.shared.StatutoryClock.Pause;

/**
 * The shipped calendar and the statutory clock. Expected dates were counted by hand on the State Council's 2026
 * arrangement (National Day 10/1–10/7 off, Saturday 10/10 a working day; Spring Festival 2/15–2/23 off, Saturdays 2/14
 * and 2/28 working days).
 */
class WorkingCalendarTest {

	private final WorkingCalendar cal = WorkingCalendar.ofShipped();

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	@Test
	void shippedYearsMatchTheStateCouncilNotices() {
		assertThat(cal.years()).contains(2025, 2026);
		// 2025 make-up working days as in shared/STANDARDS.md
		for (String s : List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")) {
			assertThat(cal.isWorkingDay(d(s))).as(s).isTrue();
		}
		assertThat(cal.isWorkingDay(d("2026-10-01"))).isFalse();
		assertThat(cal.isWorkingDay(d("2026-10-08"))).as("a Thursday after the holiday").isTrue();
		assertThat(cal.isWorkingDay(d("2026-10-10"))).as("make-up Saturday").isTrue();
		assertThat(cal.isWorkingDay(d("2026-10-11"))).as("an ordinary Sunday").isFalse();
	}

	@Test
	void twentyWorkingDaysFromAcceptanceAcrossNationalDay() {
		StatutoryClock clock = new StatutoryClock(d("2026-09-29"), 20, List.of(), 0);
		assertThat(clock.due(cal, d("2026-09-29"))).isEqualTo(d("2026-11-02"));
		assertThat(cal.addWorkingDays(d("2026-09-29"), 4)).as("the make-up Saturday counts").isEqualTo(d("2026-10-10"));
		assertThat(cal.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
		assertThat(cal.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
		assertThat(clock.certain(cal, d("2026-09-29"))).isTrue();
	}

	@Test
	void warningsAndOverdue() {
		StatutoryClock clock = new StatutoryClock(d("2026-09-29"), 20, List.of(), 0);
		assertThat(clock.remaining(cal, d("2026-10-09"))).isEqualTo(17);
		assertThat(clock.level(cal, d("2026-10-09"), 2)).isEqualTo(Level.GREEN);
		assertThat(clock.remaining(cal, d("2026-10-29"))).isEqualTo(2);
		assertThat(clock.level(cal, d("2026-10-29"), 2)).isEqualTo(Level.YELLOW);
		assertThat(clock.remaining(cal, d("2026-11-02"))).isZero();
		assertThat(clock.remaining(cal, d("2026-11-03"))).isEqualTo(-1);
		assertThat(clock.level(cal, d("2026-11-03"), 2)).isEqualTo(Level.RED);
	}

	@Test
	void supplementsAndSpecialProceduresStopTheClockAndExtensionsMoveIt() {
		StatutoryClock supplement = new StatutoryClock(d("2026-09-29"), 20, List.of(new Pause(d("2026-10-12"), d("2026-10-16"))), 0);
		assertThat(supplement.pausedDays(cal)).isEqualTo(4);
		assertThat(supplement.due(cal, d("2026-10-20"))).isEqualTo(d("2026-11-06"));

		StatutoryClock running = new StatutoryClock(d("2026-09-29"), 20, List.of(new Pause(d("2026-10-12"), null)), 0);
		assertThat(running.level(cal, d("2026-10-14"), 2)).isEqualTo(Level.PAUSED);
		assertThat(running.due(cal, d("2026-10-14"))).as("two working days stopped so far").isEqualTo(d("2026-11-04"));

		StatutoryClock extended = new StatutoryClock(d("2026-09-29"), 20, List.of(), 10);
		assertThat(extended.due(cal, d("2026-10-01"))).isEqualTo(d("2026-11-16"));
	}

	@Test
	void aYearWithoutPublishedDataIsProvisional() {
		StatutoryClock clock = new StatutoryClock(d("2026-12-20"), 20, List.of(), 0);
		assertThat(cal.covers(2027)).isFalse();
		assertThat(clock.certain(cal, d("2026-12-20"))).isFalse();
		assertThat(cal.isWorkingDay(d("2027-01-04"))).as("counted Monday to Friday").isTrue();
		// 2027 ships provisional: the statutory holidays fixed by law count, the year is still not covered
		assertThat(cal.provisional(2027)).isTrue();
		assertThat(cal.addWorkingDays(d("2027-02-04"), 1)).as("春节 Feb 5–8 and its two days made up").isEqualTo(d("2027-02-11"));
		assertThat(cal.isWorkingDay(d("2027-10-05"))).isFalse();
		assertThat(cal.covers(2028) || cal.provisional(2028)).as("nothing shipped for 2028").isFalse();
		assertThat(cal.isWorkingDay(d("2028-01-03"))).as("counted Monday to Friday").isTrue();
	}

	@Test
	void anUploadedYearIsCheckedLineByLine() {
		String csv = """
				# 2027 arrangement
				date,kind,name
				2027-01-01,HOLIDAY,元旦
				2027-02-30,HOLIDAY,春节
				2026-10-01,HOLIDAY,国庆节
				2027-01-01,HOLIDAY,元旦
				2027-01-05,WORKDAY,调休
				2027-01-09,WORKDAY,调休
				2027-01-10,MAYBE,调休
				""";
		List<WorkingCalendar.Problem> problems = new ArrayList<>();
		var days = WorkingCalendar.parse(2027, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), problems);
		assertThat(problems).extracting(p -> p.line() + ":" + p.code()).containsExactly("4:calendar.error.date",
				"5:calendar.error.year", "6:calendar.error.duplicate", "7:calendar.error.workdayOnWeekday", "9:calendar.error.kind");
		assertThat(days).extracting(WorkingCalendar.Day::date).containsExactly(d("2027-01-01"), d("2027-01-09"));
	}
}
