package tongban.identity.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A 6-digit code sent by SMS to confirm that a person holds a mobile, as the session keeps it: the code only as a
 * hash, when it expires, how often it was tried, and from when another code may be asked for.
 */
public record SmsChallenge(String mobile, String codeHash, Instant expiresAt, int attempts, Instant resendAt)
		implements Serializable {

	/** How many wrong tries one code allows. */
	public static final int MAX_ATTEMPTS = 5;

	public enum Check { OK, WRONG, EXPIRED, TOO_MANY }

	public SmsChallenge withAttempt() {
		return new SmsChallenge(mobile, codeHash, expiresAt, attempts + 1, resendAt);
	}

	/** Whether a code may be asked for again now (the page says from when). */
	public boolean mayResend(Instant now) {
		return !now.isBefore(resendAt);
	}
}
