package tongban.shared.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One base backup in {@code TONGBAN_BACKUP_DIR/base/<taken>}: the database as of its start plus the WAL to its end
 * ({@code database.tar.gz.enc}, {@code backup_label.enc}), the local file store ({@code files.tar.gz.enc}), the key
 * material ({@code keys.tar.gz.enc}) and, written last and in plain text, {@code backup.properties}: times, WAL
 * positions and sizes, no personal data. A folder without it is a backup that did not finish and is never restored.
 *
 * @param folder where it lies
 * @param startedAt the database's clock when the backup started
 * @param stoppedAt the database's clock when it ended: the earliest point it restores to
 * @param startWal the WAL file holding the backup's start, the first a restore needs
 * @param stopWal the WAL file holding its end
 * @param files whether the local file store is in it ({@code local}) or the files are in object storage ({@code object-store})
 */
record BackupSet(Path folder, Instant startedAt, Instant stoppedAt, String startWal, String stopWal, String files) {

	static final String MANIFEST = "backup.properties";

	static final String DATABASE = "database.tar.gz.enc";

	static final String LABEL = "backup_label.enc";

	static final String FILES = "files.tar.gz.enc";

	static final String KEYS = "keys.tar.gz.enc";

	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.of("Asia/Shanghai"));

	/** The folder name of a backup started at this instant, sortable by time. */
	static String folderName(Instant started) {
		return FOLDER.format(started);
	}

	static Path baseFolder(Path backupDir) {
		return backupDir.resolve("base");
	}

	/** The finished backups, oldest first. */
	static List<BackupSet> list(Path backupDir) throws IOException {
		List<BackupSet> sets = new ArrayList<>();
		Path base = baseFolder(backupDir);
		if (!Files.isDirectory(base)) {
			return sets;
		}
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(base)) {
			for (Path folder : folders) {
				if (Files.isRegularFile(folder.resolve(MANIFEST))) {
					sets.add(read(folder));
				}
			}
		}
		sets.sort((one, other) -> one.stoppedAt().compareTo(other.stoppedAt()));
		return sets;
	}

	static BackupSet read(Path folder) throws IOException {
		Properties manifest = new Properties();
		try (InputStream in = Files.newInputStream(folder.resolve(MANIFEST))) {
			manifest.load(in);
		}
		return new BackupSet(folder, Instant.parse(manifest.getProperty("startedAt")), Instant.parse(manifest.getProperty("stoppedAt")),
				manifest.getProperty("startWal"), manifest.getProperty("stopWal"), manifest.getProperty("files", "local"));
	}

	/** Writes the manifest (last, through a temporary name: its presence marks the backup finished). */
	void write(Properties more) throws IOException {
		Properties manifest = new Properties();
		manifest.setProperty("format", "1");
		manifest.setProperty("method", "pg_backup_start/pg_backup_stop with archived WAL");
		manifest.setProperty("startedAt", startedAt.toString());
		manifest.setProperty("stoppedAt", stoppedAt.toString());
		manifest.setProperty("startWal", startWal);
		manifest.setProperty("stopWal", stopWal);
		manifest.setProperty("files", files);
		manifest.putAll(more);
		Path partial = folder.resolve(MANIFEST + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			manifest.store(out, "Tongban backup (docs/operations.md); no personal data here");
		}
		Files.move(partial, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
	}
}
