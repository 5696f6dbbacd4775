package tongban.insight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** {@code bin/insight-backfill [from] [to]} as the command reads its period. */
class BackfillCommandTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void bothDaysAsTyped() {
		assertThat(BackfillCommand.period("2026-01-01,2026-06-30", TODAY)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
	}

	@Test
	void nothingTypedIsThe365DaysUpToToday() {
		assertThat(BackfillCommand.period(",", TODAY)).containsExactly(LocalDate.of(2025, 12, 8), TODAY);
	}

	@Test
	void onlyTheFirstDayRunsToToday() {
		assertThat(BackfillCommand.period("2026-11-01,", TODAY)).containsExactly(LocalDate.of(2026, 11, 1), TODAY);
	}

	@Test
	void aDayThatIsNoneIsRefused() {
		assertThatThrownBy(() -> BackfillCommand.period("2026-02-30,", TODAY)).isInstanceOf(DateTimeParseException.class);
	}
}
