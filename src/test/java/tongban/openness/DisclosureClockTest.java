package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tongban.openness.domain.DisclosureClock;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendar;

/**
 * The clock of a request for government information across the 2026 中秋 and National Day holidays (data/calendar/2026.csv:
 * 25–27 September and 1–7 October off, Saturday 10 October worked). Every expected date was counted by hand on that
 * calendar, working day by working day, as written beside each.
 */
class DisclosureClockTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.ofShipped();
	private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 21); // a Monday

	@Test
	void twentyWorkingDaysFromReceiptSkipTheHolidays() {
		// 9/22 23 24 (3), 28 29 30 (6), 10/8 9 10 (9), 12–16 (14), 19–23 (19), 26 (20)
		DisclosureClock clock = new DisclosureClock(RECEIVED, null, null, null, null, 0);
		assertThat(clock.due(CALENDAR, RECEIVED)).isEqualTo(LocalDate.of(2026, 10, 26));
	}

	@Test
	void aSupplementMayBeAskedUntilTheSeventhWorkingDay() {
		// 9/22 23 24 28 29 30, then 10/8 is the 7th working day
		DisclosureClock clock = new DisclosureClock(RECEIVED, null, null, null, null, 0);
		assertThat(clock.lastSupplementDay(CALENDAR)).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void aSupplementStopsTheClockAndThePeriodRunsFromTheAnswer() {
		LocalDate asked = LocalDate.of(2026, 9, 23);
		DisclosureClock waiting = new DisclosureClock(RECEIVED, asked, null, null, null, 0);
		assertThat(waiting.statutory(CALENDAR, LocalDate.of(2026, 9, 25)).paused()).isTrue();
		// while waiting, the due date moves with every working day that passes
		assertThat(waiting.due(CALENDAR, LocalDate.of(2026, 9, 24))).isAfter(LocalDate.of(2026, 10, 26));
		// answered 9/28: 9/29 30 (2), 10/8 9 10 (5), 12–16 (10), 19–23 (15), 26–30 (20)
		DisclosureClock answered = new DisclosureClock(RECEIVED, asked, LocalDate.of(2026, 9, 28), null, null, 0);
		assertThat(answered.statutory(CALENDAR, LocalDate.of(2026, 10, 12)).paused()).isFalse();
		assertThat(answered.due(CALENDAR, LocalDate.of(2026, 10, 12))).isEqualTo(LocalDate.of(2026, 10, 30));
	}

	@Test
	void aThirdPartyConsultationDoesNotCount() {
		// consulted 10/9 to 10/20: 10/10, 12–16, 19, 20 are 8 working days not counted; 10/30 + 8 = 11/2–6 (5), 9 10 11
		DisclosureClock clock = new DisclosureClock(RECEIVED, LocalDate.of(2026, 9, 23), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 9),
				LocalDate.of(2026, 10, 20), 0);
		assertThat(clock.due(CALENDAR, LocalDate.of(2026, 10, 21))).isEqualTo(LocalDate.of(2026, 11, 11));
		// the one extension of 20 working days: 11/12 13 (2), 16–20 (7), 23–27 (12), 30, 12/1–4 (17), 7 8 9 (20)
		DisclosureClock extended = new DisclosureClock(RECEIVED, LocalDate.of(2026, 9, 23), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 9),
				LocalDate.of(2026, 10, 20), 20);
		assertThat(extended.due(CALENDAR, LocalDate.of(2026, 10, 21))).isEqualTo(LocalDate.of(2026, 12, 9));
	}

	@Test
	void aConsultationStopsTheClockForAtMostFifteenWorkingDays() {
		// started 10/9 and never ended: 10/10, 12–16, 19–23, 26 27 28 29 is the 15th working day
		DisclosureClock open = new DisclosureClock(RECEIVED, null, null, LocalDate.of(2026, 10, 9), null, 0);
		assertThat(open.consultationEnds(CALENDAR)).isEqualTo(LocalDate.of(2026, 10, 29));
		StatutoryClock during = open.statutory(CALENDAR, LocalDate.of(2026, 10, 20));
		assertThat(during.paused()).isTrue();
		StatutoryClock after = open.statutory(CALENDAR, LocalDate.of(2026, 11, 16));
		assertThat(after.paused()).as("the clock runs again after the 15 working days").isFalse();
		// 10/26 + 15 working days: 10/27 28 29 30 (4), 11/2–6 (9), 9–13 (14), 16 (15)
		assertThat(after.due(CALENDAR, LocalDate.of(2026, 11, 16))).isEqualTo(LocalDate.of(2026, 11, 16));
	}
}
