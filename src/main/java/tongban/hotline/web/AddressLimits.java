package tongban.hotline.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

import tongban.shared.AttemptLimits;

/**
 * Limits per client address on the public 12345 pages, counted by the platform's {@link AttemptLimits} (in PostgreSQL,
 * so every node counts together):
 * <ul>
 * <li>{@link #follow}: ticket numbers are sequential, so "number + phone" must not be guessable by trying: after 10
 * failed lookups within 10 minutes, lookups from the address are refused until the window passes;</li>
 * <li>{@link #codes}: at most 5 SMS codes a 10 minutes from one address, so the form cannot be used to send text
 * messages to many numbers (each number also gets at most one a minute);</li>
 * <li>{@link #held}: at most 10 redisplayed forms an hour from one address keep their chosen files for the next page
 * (kept for a day on disk), so the form cannot be used to fill the disk.</li>
 * </ul>
 */
@Component
class AddressLimits {

	final Window follow;
	final Window codes;
	final Window held;

	AddressLimits(AttemptLimits limits) {
		follow = new Window(limits, new AttemptLimits.Limit("hotline-follow-address", 10, Duration.ofMinutes(10)));
		codes = new Window(limits, new AttemptLimits.Limit("hotline-code-address", 5, Duration.ofMinutes(10)));
		held = new Window(limits, new AttemptLimits.Limit("hotline-held-address", 10, Duration.ofHours(1)));
	}

	static final class Window {

		final int max;
		private final AttemptLimits limits;
		private final AttemptLimits.Limit limit;

		Window(AttemptLimits limits, AttemptLimits.Limit limit) {
			this.limits = limits;
			this.limit = limit;
			this.max = limit.max();
		}

		/** Whether the address has used up its allowance in the window. */
		boolean blocked(String address) {
			return limits.blocked(limit, address);
		}

		void count(String address) {
			limits.count(limit, address);
		}

		/** Forgets an address (an operator unblocking a caller's network, and tests). */
		void forget(String address) {
			limits.forget(limit, address);
		}
	}
}
