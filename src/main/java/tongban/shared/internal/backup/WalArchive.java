package tongban.shared.internal.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The WAL archive for point-in-time recovery. PostgreSQL's {@code archive_command} copies each finished WAL file into
 * {@code TONGBAN_BACKUP_DIR/wal-spool} (a plain copy, as fast as the server needs it to be, holding what the data
 * folder's {@code pg_wal} already holds); {@link #ship} then compresses and encrypts each into
 * {@code wal/<name>.enc} and removes the plain copy, every minute and at every backup.
 */
public final class WalArchive {

	static final String SPOOL = "wal-spool";

	static final String SHIPPED = "wal";

	/** Segment files (timeline + log + segment, 24 hex digits) and timeline history files. */
	private static final Pattern WAL_NAME = Pattern.compile("[0-9A-F]{24}|[0-9A-F]{8}\\.history");

	private WalArchive() {
	}

	/**
	 * The {@code archive_command} for the spool: refuses to overwrite a file already there (PostgreSQL's advice, so
	 * that two servers given one archive by mistake are noticed), copies under a temporary name and renames, so the
	 * shipper never takes a half-copied file. The server runs it through {@code /bin/sh}.
	 */
	static String archiveCommand(Path backupDir) {
		String spool = backupDir.toAbsolutePath().resolve(SPOOL).toString();
		if (!spool.matches("[A-Za-z0-9_./+-]+")) {
			throw new BackupRefused("TONGBAN_BACKUP_DIR (" + spool + ") must be a path of letters, digits and ./_+- only: "
					+ "PostgreSQL's archive_command names it unquoted.");
		}
		return "test ! -f " + spool + "/%f && cp %p " + spool + "/%f.tmp && mv " + spool + "/%f.tmp " + spool + "/%f";
	}

	/**
	 * The embedded server's settings that archive its WAL into {@code backupDir}'s spool: at least every
	 * {@code timeout} a WAL file is closed and archived when anything was written, which bounds what a lost disk can
	 * take with it (the RPO, docs/operations.md); zero leaves it to the WAL file filling up. The command goes through {@code pg_ctl}'s shell, hence the quotes.
	 */
	public static Map<String, String> serverSettings(Path backupDir, Duration timeout) throws IOException {
		prepare(backupDir);
		return Map.of("archive_mode", "on", "archive_command", "'" + archiveCommand(backupDir) + "'", "archive_timeout",
				Long.toString(Math.max(0, timeout.toSeconds())));
	}

	static void prepare(Path backupDir) throws IOException {
		for (String folder : List.of(SPOOL, SHIPPED)) {
			Files.createDirectories(backupDir.resolve(folder));
			Tars.restrict(backupDir.resolve(folder), "rwx------");
		}
		Tars.restrict(backupDir, "rwx------");
	}

	/** Encrypts what the server archived into the spool; answers how many files were shipped. */
	static int ship(Path backupDir, BackupKey key) throws IOException {
		Path spool = backupDir.resolve(SPOOL);
		Path shipped = backupDir.resolve(SHIPPED);
		prepare(backupDir);
		List<Path> waiting = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
			for (Path file : files) {
				if (WAL_NAME.matcher(file.getFileName().toString()).matches()) {
					waiting.add(file);
				}
			}
		}
		waiting.sort(null);
		int count = 0;
		for (Path file : waiting) {
			Path target = shipped.resolve(file.getFileName() + ".enc");
			Path partial = shipped.resolve(file.getFileName() + ".enc." + ProcessHandle.current().pid() + ".partial");
			try (InputStream in = Files.newInputStream(file);
					OutputStream out = new GZIPOutputStream(BackupCipher.encrypting(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), key),
							1 << 16) {
						{
							def.setLevel(Deflater.BEST_SPEED);
						}
					}) {
				in.transferTo(out);
			}
			catch (NoSuchFileException e) {
				Files.deleteIfExists(partial);
				continue; // shipped meanwhile by another run
			}
			sync(partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(file);
			count++;
		}
		return count;
	}

	/**
	 * Decrypts the WAL a restore from {@code set} needs into {@code into}: the segments from the backup's start on, of any
	 * timeline, and every timeline history; the server asks for them by name ({@code restore_command}).
	 */
	static int unpackFor(BackupSet set, Path backupDir, BackupKey key, Path into) throws IOException {
		Files.createDirectories(into);
		String from = set.startWal().substring(8);
		int count = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(backupDir.resolve(SHIPPED), "*.enc")) {
			for (Path file : files) {
				String name = file.getFileName().toString().replaceFirst("\\.enc$", "");
				boolean history = name.endsWith(".history");
				if (!WAL_NAME.matcher(name).matches() || (!history && name.substring(8).compareTo(from) < 0)) {
					continue;
				}
				try (InputStream in = new GZIPInputStream(BackupCipher.decrypting(Files.newInputStream(file), key, "wal/" + file.getFileName()), 1 << 16);
						OutputStream out = Files.newOutputStream(into.resolve(name))) {
					in.transferTo(out);
				}
				count++;
			}
		}
		return count;
	}

	private static void sync(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}
}
