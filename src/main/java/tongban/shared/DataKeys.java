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
import java.util.Collections;
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
 * encrypts unless {@code TONGBAN_DATA_KEY_CURRENT} names another) or from the file named by {@code TONGBAN_DATA_KEYS_FILE}
 * (a mounted secret); without either (development, demo) one key is generated once in {@code keys/data.keys} under the
 * data folder, readable only by its owner, and a warning says so at every start. They are the cluster's root secret:
 * every other key (OIDC, seals, callbacks) is kept in the database encrypted with them (ADR 0045), and the database
 * holds their fingerprints so that a node with other keys refuses to start. <b>Rotation</b> (docs/security.md): put a new
 * version first; new values are encrypted with it, old ones still decrypt by the version written in front of each
 * ciphertext, and a re-encryption pass may follow. The blind index and MAC keys are derived from the <i>last</i>
 * (oldest) key, so that rotating the encryption key does not change any index or break the audit chain.
 */
public final class DataKeys {

	private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	/** The label of fingerprints: a key's fingerprint is a MAC of it, never the key (ADR 0045). */
	private static final String FINGERPRINT = "fingerprint";

	private final Map<String, SecretKeySpec> encryption = new LinkedHashMap<>();
	private final String current;
	private final SecretKeySpec index;
	private final SecretKeySpec mac;
	private final Map<String, String> fingerprints = new LinkedHashMap<>();
	private final String indexFingerprint;

	DataKeys(Map<String, byte[]> keys) {
		this(keys, null);
	}

	DataKeys(Map<String, byte[]> keys, String currentVersion) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no data key");
		}
		keys.forEach((v, k) -> {
			if (k.length != 32) {
				throw new IllegalArgumentException("data key " + v + " is not 32 bytes");
			}
			encryption.put(v, new SecretKeySpec(derive(k, "encrypt"), "AES"));
			fingerprints.put(v, HexFormat.of().formatHex(derive(k, FINGERPRINT)));
		});
		if (currentVersion != null && !currentVersion.isBlank() && !keys.containsKey(currentVersion.strip())) {
			throw new IllegalArgumentException("TONGBAN_DATA_KEY_CURRENT names version " + currentVersion.strip()
					+ ", which TONGBAN_DATA_KEYS does not hold");
		}
		current = currentVersion != null && !currentVersion.isBlank() ? currentVersion.strip() : keys.keySet().iterator().next();
		byte[] oldest = List.copyOf(keys.values()).getLast();
		index = new SecretKeySpec(derive(oldest, "blind-index"), "HmacSHA256");
		mac = new SecretKeySpec(derive(oldest, "mac"), "HmacSHA256");
		indexFingerprint = HexFormat.of().formatHex(hmac(index, FINGERPRINT.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * HMAC-SHA256 of each key version under its own key, of a fixed label, by version (hex): what the database keeps to
	 * recognise the cluster's keys without holding them.
	 */
	public Map<String, String> fingerprints() {
		return Collections.unmodifiableMap(fingerprints);
	}

	/** The fingerprint of the blind-index key (derived from the oldest version): the same on every node of a cluster. */
	public String indexFingerprint() {
		return indexFingerprint;
	}

	/** The version that encrypts new values. */
	public String currentVersion() {
		return current;
	}

	/** From {@code TONGBAN_DATA_KEYS}, else from (or into) {@code keys/data.keys} under the data folder. */
	public static DataKeys load(String configured, Path dataDir) {
		return load(configured, null, null, dataDir);
	}

	/**
	 * From {@code TONGBAN_DATA_KEYS}, else from the file {@code TONGBAN_DATA_KEYS_FILE} names, else from (or into)
	 * {@code keys/data.keys} under the data folder; {@code currentVersion} ({@code TONGBAN_DATA_KEY_CURRENT}) picks the
	 * version that encrypts, the others only decrypt (the first phase of a rolling rotation, docs/cluster.md).
	 */
	public static DataKeys load(String configured, String keysFile, String currentVersion, Path dataDir) {
		try {
			String spec = configured;
			if ((spec == null || spec.isBlank()) && keysFile != null && !keysFile.isBlank()) {
				Path mounted = Path.of(keysFile.strip());
				if (!Files.isReadable(mounted)) {
					throw new IllegalArgumentException("TONGBAN_DATA_KEYS_FILE names " + mounted + ", which cannot be read");
				}
				spec = Files.readString(mounted).strip();
			}
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
			return new DataKeys(parse(spec), currentVersion);
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

	/** For tests and tools: data keys of which {@code currentVersion} encrypts and the others only decrypt. */
	public static DataKeys of(String spec, String currentVersion) {
		return new DataKeys(parse(spec), currentVersion);
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
