package tongban.shared.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackupCipherTest {

	private static final BackupKey KEY = key(1);

	private static BackupKey key(int seed) {
		byte[] bytes = new byte[32];
		new Random(seed).nextBytes(bytes);
		return BackupKey.of(bytes);
	}

	private static byte[] encrypt(byte[] plain, BackupKey key) throws IOException {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (OutputStream out = BackupCipher.encrypting(sink, key)) {
			// written in uneven pieces, so segment edges fall inside writes
			for (int at = 0; at < plain.length; at += 77_777) {
				out.write(plain, at, Math.min(77_777, plain.length - at));
			}
		}
		return sink.toByteArray();
	}

	private static byte[] decrypt(byte[] sealed, BackupKey key) throws IOException {
		try (InputStream in = BackupCipher.decrypting(new ByteArrayInputStream(sealed), key, "test.enc")) {
			return in.readAllBytes();
		}
	}

	@Test
	void whatIsEncryptedDecryptsToTheSameBytesAtAndAroundSegmentEdges() throws IOException {
		Random random = new Random(7);
		for (int size : new int[] { 0, 1, BackupCipher.SEGMENT - 1, BackupCipher.SEGMENT, BackupCipher.SEGMENT + 1, 3 * BackupCipher.SEGMENT + 5 }) {
			byte[] plain = new byte[size];
			random.nextBytes(plain);
			byte[] sealed = encrypt(plain, KEY);
			int segments = size / BackupCipher.SEGMENT + (size % BackupCipher.SEGMENT == 0 && size > 0 ? 0 : 1);
			assertThat(sealed).as("header, then each segment with its tag").hasSize(73 + size + 16 * segments);
			assertThat(decrypt(sealed, KEY)).as("size %d", size).isEqualTo(plain);
		}
	}

	@Test
	void theSameBytesEncryptDifferentlyEachTime() throws IOException {
		byte[] plain = "同一份备份".repeat(100).getBytes();
		assertThat(encrypt(plain, KEY)).isNotEqualTo(encrypt(plain, KEY));
	}

	@Test
	void aWrongKeyIsRefusedBeforeAnythingIsRead() throws IOException {
		byte[] sealed = encrypt(new byte[10], KEY);
		assertThatThrownBy(() -> decrypt(sealed, key(2))).isInstanceOf(BackupRefused.class)
			.hasMessageStartingWith("Wrong backup key: test.enc was encrypted with another key");
	}

	@Test
	void aChangedByteACutOffEndAndADroppedSegmentAreRefused() throws IOException {
		byte[] plain = new byte[2 * BackupCipher.SEGMENT + 100];
		new Random(3).nextBytes(plain);
		byte[] sealed = encrypt(plain, KEY);

		byte[] changed = sealed.clone();
		changed[changed.length / 2] ^= 1;
		assertThatThrownBy(() -> decrypt(changed, KEY)).isInstanceOf(BackupRefused.class).hasMessageContaining("damaged or cut off");

		// cut at a segment edge: the remaining segments verify one by one, but the last lacks its flag
		byte[] cut = Arrays.copyOf(sealed, 73 + 2 * (BackupCipher.SEGMENT + 16));
		assertThatThrownBy(() -> decrypt(cut, KEY)).isInstanceOf(BackupRefused.class).hasMessageContaining("damaged or cut off");

		byte[] dropped = new byte[sealed.length - (BackupCipher.SEGMENT + 16)];
		System.arraycopy(sealed, 0, dropped, 0, 73 + BackupCipher.SEGMENT + 16);
		System.arraycopy(sealed, 73 + 2 * (BackupCipher.SEGMENT + 16), dropped, 73 + BackupCipher.SEGMENT + 16,
				sealed.length - 73 - 2 * (BackupCipher.SEGMENT + 16));
		assertThatThrownBy(() -> decrypt(dropped, KEY)).isInstanceOf(BackupRefused.class).hasMessageContaining("damaged or cut off");
	}

	@Test
	void somethingElseIsNotTakenForABackup() {
		assertThatThrownBy(() -> decrypt("PGDMP plain dump".getBytes(), KEY)).isInstanceOf(BackupRefused.class)
			.hasMessage("test.enc is not an encrypted Tongban backup file.");
	}

	@Test
	void aKeyMustBe32BytesOfBase64() {
		assertThatThrownBy(() -> BackupKey.load("", null)).isInstanceOf(BackupRefused.class).hasMessageContaining("TONGBAN_BACKUP_KEY");
		assertThatThrownBy(() -> BackupKey.load("c2hvcnQ=", null)).isInstanceOf(BackupRefused.class).hasMessageContaining("has 5 bytes, not 32");
		assertThatThrownBy(() -> BackupKey.load("not base64!", null)).isInstanceOf(BackupRefused.class).hasMessageContaining("not Base64");
		assertThat(BackupKey.load(" " + Base64.getEncoder().encodeToString(new byte[32]) + "\n", null)).isEqualTo(BackupKey.of(new byte[32]));
	}
}
