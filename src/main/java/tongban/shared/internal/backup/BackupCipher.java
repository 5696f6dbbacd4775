package tongban.shared.internal.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Streaming AES-256-GCM for backup files of any size (ADR 0054). One GCM message over a whole file cannot be streamed
 * on decryption (the JDK holds the ciphertext until the tag is checked), so a file is cut into segments of 1 MiB, each
 * sealed on its own under a key derived for this file, with the segment's number and a last-segment flag in the nonce
 * (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár, as in Tink's streaming AEAD and age): a segment
 * moved, dropped, repeated or cut off at the end fails, and nothing unauthenticated is ever handed out.
 * <p>
 * File: {@code "TBBACKUP" ‖ version 1 ‖ salt (32) ‖ key check (32) ‖ segments}. The file key and the check key come from
 * the backup key and the salt by HKDF-SHA256 (RFC 5869); the key check is an HMAC of the header under the check key,
 * so a wrong backup key is told apart from a damaged file before any data is read. The header is the associated data
 * of every segment.
 */
public final class BackupCipher {

	static final int SEGMENT = 1 << 20;

	private static final int TAG = 16;

	private static final byte[] MAGIC = "TBBACKUP".getBytes(StandardCharsets.US_ASCII);

	private static final int VERSION = 1;

	private static final int HEADER = MAGIC.length + 1 + 32 + 32;

	private static final byte[] INFO = "tongban backup v1".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private BackupCipher() {
	}

	/** A stream that encrypts what is written to {@code out}; closing it writes the last segment and closes {@code out}. */
	public static OutputStream encrypting(OutputStream out, BackupKey key) throws IOException {
		byte[] salt = new byte[32];
		RANDOM.nextBytes(salt);
		byte[][] keys = derive(key, salt);
		byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) VERSION).put(salt).put(new byte[32]).array();
		byte[] check = hmac(keys[1], Arrays.copyOf(header, HEADER - 32));
		System.arraycopy(check, 0, header, HEADER - 32, 32);
		out.write(header);
		return new Sealing(out, keys[0], header);
	}

	/**
	 * A stream of the plaintext of the encrypted {@code in}. A wrong key is refused here, before anything is read; a
	 * damaged or cut-off file when the damaged segment is reached (a {@link BackupRefused} either way).
	 */
	public static InputStream decrypting(InputStream in, BackupKey key, String name) throws IOException {
		byte[] header = in.readNBytes(HEADER);
		if (header.length < HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
			throw new BackupRefused(name + " is not an encrypted Tongban backup file.");
		}
		if (header[MAGIC.length] != VERSION) {
			throw new BackupRefused(name + " is of backup format " + header[MAGIC.length] + ", which this version cannot read.");
		}
		byte[] salt = Arrays.copyOfRange(header, MAGIC.length + 1, MAGIC.length + 33);
		byte[][] keys = derive(key, salt);
		byte[] expected = hmac(keys[1], Arrays.copyOf(header, HEADER - 32));
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(header, HEADER - 32, HEADER))) {
			throw new BackupRefused("Wrong backup key: " + name + " was encrypted with another key than TONGBAN_BACKUP_KEY "
					+ "(or TONGBAN_BACKUP_KEY_FILE); nothing was restored. Give the key that was set when the backup was taken.");
		}
		return new Opening(new PushbackInputStream(in, 1), keys[0], header, name);
	}

	/** Whether {@code key} opens the encrypted {@code in} (its header only is read). */
	static void checkKey(InputStream in, BackupKey key, String name) throws IOException {
		decrypting(in, key, name);
	}

	private static byte[][] derive(BackupKey key, byte[] salt) {
		byte[] prk = hmac(salt, key.bytes());
		byte[] first = hmac(prk, concat(INFO, new byte[] { 1 }));
		byte[] second = hmac(prk, concat(first, INFO, new byte[] { 2 }));
		return new byte[][] { first, second };
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	private static byte[] nonce(long segment, boolean last) {
		return ByteBuffer.allocate(12).putLong(segment).put(new byte[3]).put((byte) (last ? 1 : 0)).array();
	}

	private static Cipher cipher(int mode, byte[] fileKey, byte[] header, long segment, boolean last) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(fileKey, "AES"), new GCMParameterSpec(TAG * 8, nonce(segment, last)));
		cipher.updateAAD(header);
		return cipher;
	}

	private static final class Sealing extends FilterOutputStream {

		private final byte[] fileKey;

		private final byte[] header;

		private final byte[] buffer = new byte[SEGMENT];

		private int filled;

		private long segment;

		private boolean closed;

		Sealing(OutputStream out, byte[] fileKey, byte[] header) {
			super(out);
			this.fileKey = fileKey;
			this.header = header;
		}

		@Override
		public void write(int value) throws IOException {
			write(new byte[] { (byte) value }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws IOException {
			int at = offset;
			int left = length;
			while (left > 0) {
				// a full segment is sealed only once more data arrives: the last one must carry the flag
				if (filled == SEGMENT) {
					seal(false);
				}
				int n = Math.min(left, SEGMENT - filled);
				System.arraycopy(data, at, buffer, filled, n);
				filled += n;
				at += n;
				left -= n;
			}
		}

		private void seal(boolean last) throws IOException {
			try {
				out.write(cipher(Cipher.ENCRYPT_MODE, fileKey, header, segment++, last).doFinal(buffer, 0, filled));
			}
			catch (GeneralSecurityException e) {
				throw new IOException("AES-GCM failed", e);
			}
			filled = 0;
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			try {
				seal(true);
				out.flush();
			}
			finally {
				out.close();
			}
		}
	}

	private static final class Opening extends InputStream {

		private final PushbackInputStream in;

		private final byte[] fileKey;

		private final byte[] header;

		private final String name;

		private byte[] plain = new byte[0];

		private int position;

		private long segment;

		private boolean ended;

		Opening(PushbackInputStream in, byte[] fileKey, byte[] header, String name) {
			this.in = in;
			this.fileKey = fileKey;
			this.header = header;
			this.name = name;
		}

		private boolean fill() throws IOException {
			while (position == plain.length) {
				if (ended) {
					return false;
				}
				byte[] sealed = in.readNBytes(SEGMENT + TAG);
				boolean last = sealed.length < SEGMENT + TAG;
				if (!last) {
					int next = in.read();
					if (next < 0) {
						last = true;
					}
					else {
						in.unread(next);
					}
				}
				try {
					plain = cipher(Cipher.DECRYPT_MODE, fileKey, header, segment++, last).doFinal(sealed);
				}
				catch (AEADBadTagException e) {
					throw new BackupRefused(name + " is damaged or cut off (segment " + (segment - 1) + " does not verify): take it from another "
							+ "copy or use an older backup.", e);
				}
				catch (GeneralSecurityException e) {
					throw new IOException("AES-GCM failed", e);
				}
				position = 0;
				ended = last;
			}
			return true;
		}

		@Override
		public int read() throws IOException {
			return fill() ? plain[position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, plain.length - position);
			System.arraycopy(plain, position, target, offset, n);
			position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
