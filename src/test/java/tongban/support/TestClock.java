package tongban.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import tongban.shared.Clocks;

/**
 * The application's clock in tests: the system clock until a test sets it ({@link #set}), and the system clock again
 * after each test ({@link IntegrationTest} resets it), so the shared context never keeps a test's time.
 */
public final class TestClock extends Clock {

	private volatile Instant fixed;

	@Override
	public ZoneId getZone() {
		return Clocks.ZONE;
	}

	/** The same instants seen in another zone. */
	@Override
	public Clock withZone(ZoneId zone) {
		TestClock owner = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return owner.withZone(other);
			}

			@Override
			public Instant instant() {
				return owner.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		Instant at = fixed;
		return at == null ? Instant.now() : at;
	}

	/** Stops the clock at a local time in Asia/Shanghai. */
	public void set(LocalDateTime local) {
		fixed = local.atZone(Clocks.ZONE).toInstant();
	}

	public void set(Instant at) {
		fixed = at;
	}

	/** Back to the system clock. */
	public void reset() {
		fixed = null;
	}
}
