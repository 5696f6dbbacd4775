package tongban.shared.internal.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * The local file store carried forward between base backups, as the WAL carries the database: every minute the files
 * stored since the last run are encrypted into {@code TONGBAN_BACKUP_DIR/files/<2 hex>/<id>.enc}. Stored files never
 * change (an id names one content; a new version is a new id), so a file shipped once is final. A restore to time
 * <i>t</i> then finds every file a record committed by <i>t</i> names: the base backup's files plus those shipped
 * since. Files deleted later stay in the archive until it is pruned (docs/operations.md).
 */
final class FileArchive {

	static final String SHIPPED = "files";

	private static final String MARK = "files-shipped.at";

	private FileArchive() {
	}

	/**
	 * Encrypts the files of {@code store} changed since the last run (a minute of overlap, so a file written while the
	 * last run walked is not missed) and not shipped yet; how many.
	 */
	static int ship(Path store, Path backupDir, BackupKey key) throws IOException {
		if (!Files.isDirectory(store)) {
			return 0;
		}
		Path mark = backupDir.resolve(MARK);
		Instant since = Files.exists(mark) ? Instant.parse(Files.readString(mark).strip()).minusSeconds(60) : Instant.EPOCH;
		Instant started = Instant.now();
		Path shipped = backupDir.resolve(SHIPPED);
		int[] count = { 0 };
		Files.walkFileTree(store, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!attributes.isRegularFile() || attributes.lastModifiedTime().toInstant().isBefore(since)) {
					return FileVisitResult.CONTINUE;
				}
				Path target = shipped.resolve(store.relativize(file) + ".enc");
				if (Files.exists(target)) {
					return FileVisitResult.CONTINUE;
				}
				Files.createDirectories(target.getParent());
				Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
				try (InputStream in = Files.newInputStream(file);
						OutputStream out = BackupCipher.encrypting(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), key)) {
					in.transferTo(out);
				}
				catch (NoSuchFileException e) {
					Files.deleteIfExists(partial);
					return FileVisitResult.CONTINUE; // deleted meanwhile
				}
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				count[0]++;
				return FileVisitResult.CONTINUE;
			}
		});
		Files.writeString(mark, started.toString());
		return count[0];
	}

	/** Puts every shipped file that {@code store} lacks into it (after the base backup's files were unpacked there). */
	static int unpackInto(Path backupDir, BackupKey key, Path store) throws IOException {
		Path shipped = backupDir.resolve(SHIPPED);
		if (!Files.isDirectory(shipped)) {
			return 0;
		}
		int[] count = { 0 };
		Files.walkFileTree(shipped, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String name = shipped.relativize(file).toString();
				if (!name.endsWith(".enc")) {
					return FileVisitResult.CONTINUE;
				}
				Path target = store.resolve(name.substring(0, name.length() - ".enc".length())).normalize();
				if (!target.startsWith(store) || Files.exists(target)) {
					return FileVisitResult.CONTINUE;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = BackupCipher.decrypting(Files.newInputStream(file), key, SHIPPED + "/" + name);
						OutputStream out = Files.newOutputStream(target)) {
					in.transferTo(out);
				}
				Tars.restrict(target, "rw-------");
				count[0]++;
				return FileVisitResult.CONTINUE;
			}
		});
		return count[0];
	}
}
