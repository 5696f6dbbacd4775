package tongban.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tongban.shared.IdNumber;

class AccountTest {

	@Test
	void locksAtTheThresholdWithDoublingDelays() {
		Account a = Account.citizen("王小明", new IdNumber("11010519491231002X"), "13800000009", "h", 1);
		Instant t = Instant.parse("2026-11-22T02:00:00Z");
		for (int i = 0; i < 4; i++) {
			a.recordFailure(t, 5, Duration.ofMinutes(1));
		}
		assertThat(a.lockedAt(t)).isFalse();
		a.recordFailure(t, 5, Duration.ofMinutes(1));
		assertThat(a.lockedUntil()).isEqualTo(t.plus(Duration.ofMinutes(1)));
		Instant later = t.plus(Duration.ofMinutes(2));
		assertThat(a.lockedAt(later)).isFalse();
		for (int i = 0; i < 5; i++) {
			a.recordFailure(later, 5, Duration.ofMinutes(1));
		}
		assertThat(a.lockedUntil()).isEqualTo(later.plus(Duration.ofMinutes(2)));
		a.recordSuccess();
		assertThat(a.lockedAt(later)).isFalse();
	}
}
