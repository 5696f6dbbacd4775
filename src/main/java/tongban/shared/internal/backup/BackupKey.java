package tongban.shared.internal.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key backups are encrypted with: 32 random bytes in Base64 ({@code head -c 32 /dev/urandom | base64}), from
 * {@code TONGBAN_BACKUP_KEY} or the file {@code TONGBAN_BACKUP_KEY_FILE} names. It is not one of the data keys and is
 * kept apart from them (ADR 0054): a backup holds the data keys, so whoever holds backups and the backup key can read
 * everything, and whoever holds only the backups can read nothing.
 */
public final class BackupKey {

	private final byte[] bytes;

	private BackupKey(byte[] bytes) {
		this.bytes = bytes;
	}

	/** The key in {@code value}, else in the file {@code file} names; a {@link BackupRefused} saying what is missing. */
	public static BackupKey load(String value, String file) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty() && file != null && !file.isBlank()) {
			try {
				text = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
			}
			catch (IOException e) {
				throw new BackupRefused("The backup key file " + file.strip() + " cannot be read (" + e.getClass().getSimpleName()
						+ "): check TONGBAN_BACKUP_KEY_FILE.");
			}
		}
		if (text.isEmpty()) {
			throw new BackupRefused("No backup key: set TONGBAN_BACKUP_KEY or TONGBAN_BACKUP_KEY_FILE to 32 random bytes in Base64 "
					+ "(head -c 32 /dev/urandom | base64), kept apart from the data keys and from the backups.");
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException e) {
			throw new BackupRefused("The backup key is not Base64: give 32 random bytes in Base64 (head -c 32 /dev/urandom | base64).");
		}
		if (decoded.length != 32) {
			throw new BackupRefused("The backup key has " + decoded.length + " bytes, not 32: give 32 random bytes in Base64 "
					+ "(head -c 32 /dev/urandom | base64).");
		}
		return new BackupKey(decoded);
	}

	/** A key of these 32 bytes (tests). */
	public static BackupKey of(byte[] bytes) {
		if (bytes.length != 32) {
			throw new IllegalArgumentException("a backup key has 32 bytes");
		}
		return new BackupKey(bytes.clone());
	}

	byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BackupKey key && Arrays.equals(bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "BackupKey[…]";
	}
}
