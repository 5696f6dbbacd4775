package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tongban.shared.WorkingCalendar;

class HotlineSettingsTest {

	/** 2025's National Day holiday (10-01..10-08) and its make-up working day Saturday 10-11, per the State Council notice. */
	static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of(
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 1), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 2), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 3), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 6), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 7), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 8), WorkingCalendar.Kind.HOLIDAY, "国庆节、中秋节"),
			new WorkingCalendar.Day(LocalDate.of(2025, 10, 11), WorkingCalendar.Kind.WORKDAY, "调休")));

	@Test
	void workingDaysSkipHolidaysCountMakeUpDaysAndEndAtTheEndOfTheDay() {
		// dispatched Tuesday 30 September 2025, 10:00 in Shanghai: 7 working days are 9/30→ 10/9, 10/10, 10/11 (make-up), 10/13..10/16
		OffsetDateTime from = OffsetDateTime.of(2025, 9, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		assertThat(HotlineSettings.due(from, "7wd", CALENDAR)).isEqualTo(OffsetDateTime.of(2025, 10, 16, 23, 59, 59, 0, ZoneOffset.ofHours(8)));
		assertThat(HotlineSettings.due(from, "2h", CALENDAR)).isEqualTo(from.plusHours(2));
	}

	@Test
	void limitsAreLookedUpByTypeAndUrgencyThenUrgency() {
		HotlineSettings s = new HotlineSettings(Map.of(), Map.of("CONSULT.GENERAL", "3wd"), null, null, 0, 0);
		assertThat(s.answerLimit("CONSULT", "GENERAL")).isEqualTo("3wd");
		assertThat(s.answerLimit("COMPLAINT", "GENERAL")).isEqualTo("7wd");
		assertThat(s.answerLimit("COMPLAINT", "EMERGENCY")).isEqualTo("2h");
		assertThat(s.dispatchLimit("HELP", "URGENT")).isEqualTo("2h");
		assertThat(s.complexLimit()).isEqualTo("15wd");
		assertThatThrownBy(() -> new HotlineSettings(Map.of("GENERAL", "soon"), Map.of(), null, null, 0, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
