package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.shared.Clocks;

/** When a dataset's update frequency has come round, counted in Beijing time. */
class DatasetGenerationTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void dailyIsDueTheNextDayWeeklyAfterSevenDaysMonthlyInANewMonth() {
		assertThat(DatasetGeneration.due(made("DAILY", null), TODAY)).as("never made").isTrue();
		assertThat(DatasetGeneration.due(made("DAILY", TODAY), TODAY)).isFalse();
		assertThat(DatasetGeneration.due(made("DAILY", TODAY.minusDays(1)), TODAY)).isTrue();
		assertThat(DatasetGeneration.due(made("WEEKLY", TODAY.minusDays(6)), TODAY)).isFalse();
		assertThat(DatasetGeneration.due(made("WEEKLY", TODAY.minusDays(7)), TODAY)).isTrue();
		assertThat(DatasetGeneration.due(made("MONTHLY", LocalDate.of(2026, 12, 1)), TODAY)).isFalse();
		assertThat(DatasetGeneration.due(made("MONTHLY", LocalDate.of(2026, 11, 30)), TODAY)).isTrue();
	}

	private static Dataset made(String frequency, LocalDate on) {
		return new Dataset("d", "t", "", "XH-ZFB", "", List.of(), frequency, Datasets.LICENCE, "", null, null, "policies", "UNCONDITIONAL", List.of(),
				DatasetStatus.PUBLISHED, 1, 0, null, null, on == null ? null : on.atTime(23, 30).atZone(Clocks.ZONE).toInstant());
	}
}
