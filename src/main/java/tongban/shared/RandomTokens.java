package tongban.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens for addresses that open something without an account (a visit's rating, a queue number's page, a
 * licence's share link), client secrets, kiosk enrolment and API keys: random bytes from {@link SecureRandom} in
 * URL-safe Base64 without padding (32 bytes give 43 characters).
 */
public final class RandomTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomTokens() {
	}

	/** A token of this many random bytes. */
	public static String of(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}
}
