package tongban.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IndicatorTest {

	@Test
	void ratesAveragesAndSavingsComeFromTheSummedCounters() {
		// 4 submitted, 3 online → 75 %
		assertThat(Indicator.ONLINE_RATE.value(3, 4)).isEqualTo(0.75);
		// 2 concluded, 5 measured visits → 2.5 visits a case
		assertThat(Indicator.VISITS_PER_CASE.value(5, 2)).isEqualTo(2.5);
		// promised 10 working days where the law allows 20 → half the limit saved
		assertThat(Indicator.TIME_COMPRESSION.value(10, 20)).isEqualTo(0.5);
		assertThat(Indicator.OVERDUE_CASES.value(7, 0)).isEqualTo(7.0);
	}

	@Test
	void nothingToMeasureIsNoValueRatherThanZero() {
		assertThat(Indicator.GOOD_RATE.value(0, 0)).isNull();
		assertThat(Indicator.TIME_COMPRESSION.value(0, 0)).isNull();
	}

	@Test
	void codesAreUniqueAndFoundAgain() {
		assertThat(Arrays.stream(Indicator.values()).map(Indicator::code).distinct()).hasSize(Indicator.values().length);
		for (Indicator indicator : Indicator.values()) {
			assertThat(Indicator.byCode(indicator.code())).contains(indicator);
			assertThat(indicator.formula() == Indicator.Formula.COUNT).isEqualTo(indicator.denominator() == null);
		}
		assertThat(Indicator.byCode("no-such")).isEmpty();
	}

	@Test
	void regionsCoverWhatLiesUnderThem() {
		assertThat(IndicatorFilter.regionPrefix("330000")).isEqualTo("33");
		assertThat(IndicatorFilter.regionPrefix("330100")).isEqualTo("3301");
		assertThat(IndicatorFilter.regionPrefix("330106")).isEqualTo("330106");
		// a township whose code ends in zeros is still only itself
		assertThat(IndicatorFilter.regionPrefix("330106100")).isEqualTo("330106100");
		assertThat(IndicatorFilter.regionPrefix(" ")).isEmpty();
		assertThat(IndicatorFilter.regionPrefix(null)).isEmpty();
	}
}
