package tongban.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * A staff member's authenticator app: the six-digit RFC 6238 code (HMAC-SHA1, 30-second steps) of the base32 secret the
 * staff console handed over. Written apart from the platform's own TOTP check, as a phone app is, so that tests sign in
 * the way staff do and a mistake on either side shows.
 */
public final class Authenticator {

	private Authenticator() {
	}

	/** The code shown at {@code at}. */
	public static String code(String base32Secret, Instant at) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(at.getEpochSecond() / 30).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int truncated = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
			return "%06d".formatted(truncated % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
