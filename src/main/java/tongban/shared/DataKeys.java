package tongban.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's data keys: AES-256-GCM for personal data at rest (ID numbers, phone numbers, addresses, shared records),
 * a keyed blind index (HMAC-SHA256) to find a row by such a value without storing it, and MACs (the audit chain, the
 * signed hash of prefilled values).
 * <p>
 * Keys come from {@code TONGBAN_DATA_KEYS} ({@code version:base64;version:base64…}, 32 bytes each, the first one
 * encrypts); without it (development, demo) one key is generated once in {@code keys/data.keys} under the data folder,
 * readable only by its owner, and a warning says so at every start. <b>Rotation</b> (docs/security.md): put a new
 * version first; new values are encrypted with it, old ones still decrypt by the version written in front of each
 * ciphertext, and a re-encryption pass may follow. The blind index and MAC keys are derived from the <i>last</i>
 * (oldest) key, so that rotating the encryption key does not change any index or break the audit chain.
 */
public final class DataKeys {

	private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, SecretKeySpec> encryption = new LinkedHashMap<>();
	private final String current;
	private final SecretKeySpec index;
	private final SecretKeySpec mac;

	DataKeys(Map<String, byte[]> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no data key");
		}
		keys.forEach((v, k) -> {
			if (k.length != 32) {
				throw new IllegalArgumentException("data key " + v + " is not 32 bytes");
			}
			encryption.put(v, new SecretKeySpec(derive(k, "encrypt"), "AES"));
		});
		current = keys.keySet().iterator().next();
		byte[] oldest = List.copyOf(keys.values()).getLast();
		index = new SecretKeySpec(derive(oldest, "blind-index"), "HmacSHA256");
		mac = new SecretKeySpec(derive(oldest, "mac"), "HmacSHA256");
	}

	/** From {@code TONGBAN_DATA_KEYS}, else from (or into) {@code keys/data.keys} under the data folder. */
	public static DataKeys load(String configured, Path dataDir) {
		try {
			String spec = configured;
			if (spec == null || spec.isBlank()) {
				Path dir = dataDir.resolve("keys");
				Files.createDirectories(dir);
				Path file = dir.resolve("data.keys");
				if (!Files.exists(file)) {
					byte[] k = new byte[32];
					RANDOM.nextBytes(k);
					Files.writeString(file, "1:" + Base64.getEncoder().encodeToString(k));
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException e) {
						// not a POSIX file system: the folder's own protection applies
					}
				}
				log.warn("TONGBAN_DATA_KEYS is not set: personal data is encrypted with the generated key in {}; set the variable "
						+ "(or keep the key in the key store) in production", file);
				spec = Files.readString(file).strip();
			}
			return new DataKeys(parse(spec));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, byte[]> parse(String spec) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (String part : spec.split(";")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			int colon = p.indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("TONGBAN_DATA_KEYS: expected version:base64");
			}
			keys.put(p.substring(0, colon), Base64.getDecoder().decode(p.substring(colon + 1)));
		}
		return keys;
	}

	/** What every ciphertext made with the key that encrypts now begins with ({@code version$}). */
	public String currentPrefix() {
		return current + "$";
	}

	/** For tests and tools: data keys from a {@code version:base64;…} specification. */
	public static DataKeys of(String spec) {
		return new DataKeys(parse(spec));
	}

	/** AES-256-GCM with a random 96-bit nonce: {@code version$base64(nonce ‖ ciphertext ‖ tag)}; null stays null. */
	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, encryption.get(current), new GCMParameterSpec(128, nonce));
			byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return current + "$" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		int dollar = stored.indexOf('$');
		SecretKeySpec key = dollar > 0 ? encryption.get(stored.substring(0, dollar)) : null;
		if (key == null) {
			throw new IllegalStateException("no data key for a stored value (version " + (dollar > 0 ? stored.substring(0, dollar) : "?") + ")");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(dollar + 1));
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a stored value does not decrypt (altered, or a wrong key)", e);
		}
	}

	/** The keyed blind index of a value (upper-cased, trimmed): 32 hex characters, the same for the same value. */
	public String blindIndex(String value) {
		if (value == null) {
			return null;
		}
		return HexFormat.of().formatHex(hmac(index, value.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	/** HMAC-SHA256 under the platform's MAC key, hex. */
	public String mac(String text) {
		return HexFormat.of().formatHex(hmac(mac, text.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac m = Mac.getInstance("HmacSHA256");
			m.init(key);
			return m.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		return hmac(new SecretKeySpec(master, "HmacSHA256"), ("tongban/" + purpose).getBytes(StandardCharsets.UTF_8));
	}
}
