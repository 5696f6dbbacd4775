package tongban.proactive.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The draw is the same for the same case, checks none at 0 %, every case at 100 % and about the rate in between. */
class PromiseSamplingTest {

	private static final Random SEEDED = new Random(19);

	private static UUID someCase() {
		return new UUID(SEEDED.nextLong(), SEEDED.nextLong());
	}

	@Test
	void aCaseAlwaysDrawsTheSameTicket() {
		UUID caseId = UUID.fromString("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
		int ticket = PromiseSampling.ticket(caseId);
		assertThat(ticket).isBetween(0, 99);
		assertThat(IntStream.range(0, 5).map(i -> PromiseSampling.ticket(caseId))).containsOnly(ticket);
		assertThat(PromiseSampling.sampled(caseId, ticket + 1)).isTrue();
		assertThat(PromiseSampling.sampled(caseId, ticket)).as("a ticket below the rate is drawn, not one equal to it").isFalse();
	}

	@Test
	void noneAtZeroEveryCaseAtAHundred() {
		for (int i = 0; i < 1000; i++) {
			UUID caseId = someCase();
			assertThat(PromiseSampling.sampled(caseId, 0)).isFalse();
			assertThat(PromiseSampling.sampled(caseId, 100)).isTrue();
			assertThat(PromiseSampling.sampled(caseId, 150)).as("a rate over 100 is 100").isTrue();
		}
	}

	@Test
	void aboutOneCaseInFiveAtTwentyPercent() {
		long drawn = IntStream.range(0, 20_000).filter(i -> PromiseSampling.sampled(someCase(), 20)).count();
		// 20 % of 20,000 is 4,000; four standard deviations (√(20000·0.2·0.8) ≈ 57) either side
		assertThat(drawn).isBetween(3772L, 4228L);
	}
}
