package tongban.notification;

import java.time.Duration;

/**
 * The SMS centre did not take a message: {@code permanent} when trying again cannot help (a number the carrier
 * rejects), else it is tried again later; {@code code} is the carrier's error as it gave it. A refusal that is no fault
 * of the message (the centre unreachable, not bound, throttled) has a {@link #retryAfter()}: the message waits that long
 * and does not use up one of its tries, so that it simply goes once the centre takes messages again.
 */
public class SmsRefused extends RuntimeException {

	private final String code;
	private final boolean permanent;
	private final Duration retryAfter;

	public SmsRefused(String code, boolean permanent, String message) {
		this(code, permanent, null, message);
	}

	private SmsRefused(String code, boolean permanent, Duration retryAfter, String message) {
		super(message);
		this.code = code;
		this.permanent = permanent;
		this.retryAfter = retryAfter;
	}

	/** Not taken now for a reason that is no fault of the message: it waits {@code retryAfter}, its tries untouched. */
	public static SmsRefused unavailable(String code, Duration retryAfter, String message) {
		return new SmsRefused(code, false, retryAfter, message);
	}

	public String code() {
		return code;
	}

	public boolean permanent() {
		return permanent;
	}

	/** How long the message waits before it is tried again without using up a try; null for an ordinary refusal. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
