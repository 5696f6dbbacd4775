package tongban.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits. */
public final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	private static final int STEP_SECONDS = 30;

	private Totp() {
	}

	public static String newSecret() {
		byte[] bytes = new byte[20];
		new SecureRandom().nextBytes(bytes);
		return base32(bytes);
	}

	/** The code for the step that contains {@code at}. */
	public static String code(String base32Secret, Instant at) {
		return hotp(base32Decode(base32Secret), at.getEpochSecond() / STEP_SECONDS);
	}

	/** Accepts the current step and one step either side, for clock drift. */
	public static boolean verify(String base32Secret, String code, Instant at) {
		return matchingStep(base32Secret, code, at).isPresent();
	}

	/**
	 * The time step whose code this is (the current one or one either side), so that the caller can refuse a step
	 * already used; empty when the code is wrong.
	 */
	public static OptionalLong matchingStep(String base32Secret, String code, Instant at) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		byte[] key = base32Decode(base32Secret);
		long step = at.getEpochSecond() / STEP_SECONDS;
		for (long candidate = step - 1; candidate <= step + 1; candidate++) {
			if (MessageDigest.isEqual(hotp(key, candidate).getBytes(), code.strip().getBytes())) {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	/** otpauth:// URI for authenticator apps. */
	public static String uri(String issuer, String account, String secret) {
		return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret + "&issuer=" + issuer
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	static String hotp(byte[] key, long counter) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
			int offset = h[h.length - 1] & 0x0f;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
					| (h[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String base32(byte[] data) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] base32Decode(String s) {
		String in = s.replace("=", "").replace(" ", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(in.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : in.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}
}
