package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The surge test's baseline math, the expected figures worked out by hand. */
class SurgeTestTest {

	private final SurgeTest test = new SurgeTest(10, 3);

	@Test
	void aQuietTopicSurgesOnlyFromTheMinimum() {
		// mean 3, deviations 0,−1,1,0,0,−1,1,0 → variance 4/8 = 0.5, σ ≈ 0.707; spread = max(σ, √3 ≈ 1.732, 1) = 1.732;
		// μ + 3·1.732 = 8.196 < minimum 10 → threshold 10
		int[] baseline = { 3, 2, 4, 3, 3, 2, 4, 3 };
		SurgeTest.Verdict thirty = test.test(30, baseline);
		assertThat(thirty.surge()).isTrue();
		assertThat(thirty.mean()).isEqualTo(3.0);
		assertThat(thirty.sd()).isCloseTo(Math.sqrt(0.5), within(1e-9));
		assertThat(thirty.threshold()).isEqualTo(10.0);
		assertThat(test.test(10, baseline).surge()).isTrue();
		assertThat(test.test(9, baseline).surge()).isFalse();
	}

	@Test
	void aBusyTopicMustRiseThreeDeviationsAboveItsMean() {
		// mean 20, every window 5 off → σ = 5 > √20 ≈ 4.47; threshold 20 + 3·5 = 35
		int[] baseline = { 15, 25, 15, 25, 15, 25, 15, 25 };
		assertThat(test.test(35, baseline).threshold()).isEqualTo(35.0);
		assertThat(test.test(35, baseline).surge()).isTrue();
		assertThat(test.test(34, baseline).surge()).isFalse();
	}

	@Test
	void aFlatBaselineUsesThePoissonSpread() {
		// σ = 0 but √16 = 4: threshold 16 + 12 = 28, not 16 + 3·0
		int[] baseline = { 16, 16, 16, 16, 16, 16, 16, 16 };
		assertThat(test.test(27, baseline).surge()).isFalse();
		assertThat(test.test(28, baseline).surge()).isTrue();
	}

	@Test
	void aNewTopicNeedsTheMinimum() {
		assertThat(test.test(9, new int[8]).surge()).isFalse();
		assertThat(test.test(10, new int[0]).surge()).isTrue();
	}
}
