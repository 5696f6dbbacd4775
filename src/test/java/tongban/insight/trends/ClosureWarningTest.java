package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The early warning on closures: more than twice the previous six months' mean and at least the minimum. */
class ClosureWarningTest {

	private final ClosureWarning warning = new ClosureWarning(2, 5);

	@Test
	void aSharpRiseWarns() {
		// mean (1+0+2+1+1+1)/6 = 1; 12 > 2 and ≥ 5
		assertThat(warning.warns(12, new int[] { 1, 0, 2, 1, 1, 1 })).isTrue();
	}

	@Test
	void twiceTheMeanIsNotEnoughItMustBeMore() {
		// mean (3+3+3+3+3+3)/6 = 3: 6 is exactly twice, 7 is more
		int[] previous = { 3, 3, 3, 3, 3, 3 };
		assertThat(warning.warns(6, previous)).isFalse();
		assertThat(warning.warns(7, previous)).isTrue();
	}

	@Test
	void aFewClosuresAfterAQuietHalfYearAreNoWarning() {
		assertThat(warning.warns(4, new int[6])).isFalse();
		assertThat(warning.warns(5, new int[6])).isTrue();
	}
}
