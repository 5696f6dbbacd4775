package tongban.shared.internal.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/backup} and {@code bin/restore}: the same code as the scheduled job and the restore drill, run from the
 * platform's jar without starting the platform. Settings from the environment, as the platform reads them:
 * {@code TONGBAN_DATA_DIR}, {@code TONGBAN_BACKUP_DIR}, {@code TONGBAN_BACKUP_KEY} or {@code TONGBAN_BACKUP_KEY_FILE},
 * {@code TONGBAN_DATA_KEYS} or {@code TONGBAN_DATA_KEYS_FILE}, {@code TONGBAN_S3_BUCKET}. A refusal is one sentence on
 * standard error and exit status 2.
 * <pre>
 * backup                          base backup of the running embedded database, files and keys; ships the WAL
 * ship-wal                        only encrypts the WAL archived and the local files stored since the last run
 * list                            the finished backups and the span they restore to
 * restore --into DIR [--to TIME]  restores into a new folder, to TIME (2026-12-07 10:00:00+08) or the archive's end
 * </pre>
 */
public final class BackupTool {

	private BackupTool() {
	}

	public static void main(String[] arguments) {
		// outside Spring, logback would log everything at DEBUG: the steps only
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
		int status;
		try {
			status = run(List.of(arguments), System.getenv(), System.out);
		}
		catch (BackupRefused e) {
			System.err.println("refused: " + e.getMessage());
			status = 2;
		}
		catch (IOException | SQLException | RuntimeException e) {
			System.err.println("failed: " + e);
			status = 1;
		}
		System.exit(status);
	}

	static int run(List<String> arguments, Map<String, String> environment, PrintStream out) throws IOException, SQLException {
		if (arguments.isEmpty()) {
			out.println("usage: backup | ship-wal | list | restore --into DIR [--to '2026-12-07 10:00:00+08'] [--from BACKUP_DIR]");
			return 2;
		}
		Path backupDir = Path.of(option(arguments, "--from").orElseGet(() -> required(environment, "TONGBAN_BACKUP_DIR")));
		switch (arguments.getFirst()) {
			case "list" -> {
				for (BackupSet set : BackupSet.list(backupDir)) {
					out.println(set.folder().getFileName() + "  restores to any time from " + Restore.shown(set.stoppedAt()) + " on");
				}
				return 0;
			}
			case "ship-wal" -> {
				BackupKey key = key(environment);
				int files = environment.getOrDefault("TONGBAN_S3_BUCKET", "").isBlank()
						? FileArchive.ship(Path.of(environment.getOrDefault("TONGBAN_DATA_DIR", "data")).toAbsolutePath().resolve("files"), backupDir, key)
						: 0;
				out.println("shipped " + WalArchive.ship(backupDir, key) + " WAL files and " + files + " stored files");
				return 0;
			}
			case "backup" -> {
				return backup(backupDir, environment, out);
			}
			case "restore" -> {
				BackupKey key = key(environment);
				Path into = Path.of(option(arguments, "--into").orElseThrow(() -> new BackupRefused("Name the new data folder: --into DIR.")));
				Optional<Instant> to = option(arguments, "--to").map(Restore::parseTime);
				Restore.Restored restored = Restore.restore(backupDir, key, into, to);
				out.println("restored " + restored.backup().getFileName() + " (" + restored.walFiles() + " WAL files) into " + restored.into()
						+ restored.to().map(time -> " as of " + Restore.shown(time)).orElse(" to the end of the archive") + " in "
						+ restored.took().toSeconds() + " s");
				out.println("start the platform on it: TONGBAN_DATA_DIR=" + restored.into() + " bin/run");
				return 0;
			}
			default -> throw new BackupRefused("Unknown command " + arguments.getFirst() + ": backup, ship-wal, list or restore.");
		}
	}

	private static int backup(Path backupDir, Map<String, String> environment, PrintStream out) throws IOException, SQLException {
		if (!environment.getOrDefault("SPRING_DATASOURCE_URL", "").isBlank()) {
			throw new BackupRefused("SPRING_DATASOURCE_URL names an external database: back it up where it runs (pg_basebackup or pgBackRest "
					+ "of its own PostgreSQL version with WAL archiving, docs/operations.md); bin/backup takes the embedded one.");
		}
		BackupKey key = key(environment);
		Path dataDir = Path.of(environment.getOrDefault("TONGBAN_DATA_DIR", "data")).toAbsolutePath();
		BaseBackup.Source source = new BaseBackup.Source(dataDir, environment.get("TONGBAN_DATA_KEYS"), environment.get("TONGBAN_DATA_KEYS_FILE"),
				environment.getOrDefault("TONGBAN_S3_BUCKET", "").isBlank());
		try (Connection connection = connect(dataDir.resolve("postgres"))) {
			BaseBackup.Taken taken = BaseBackup.take(connection, source, backupDir, key);
			out.println("backup " + taken.folder() + ": database " + taken.databaseBytes() / (1024 * 1024) + " MiB, files "
					+ taken.fileBytes() / (1024 * 1024) + " MiB, restores to any time from " + Restore.shown(taken.stoppedAt()) + " on; took "
					+ taken.took().toMillis() / 1000.0 + " s");
		}
		if (!source.localFiles()) {
			out.println("files are in the object store: keep its bucket versioning on (docs/operations.md)");
		}
		return 0;
	}

	/** A superuser session on the running embedded server of this data folder (its port from postmaster.pid). */
	static Connection connect(Path postgres) throws IOException, SQLException {
		Path pid = postgres.resolve("postmaster.pid");
		if (!Files.isRegularFile(pid)) {
			throw new BackupRefused("The embedded database in " + postgres + " is not running: start the platform (bin/run) first; "
					+ "a backup is taken from the running database.");
		}
		List<String> lines = Files.readAllLines(pid);
		if (lines.size() < 4) {
			throw new BackupRefused("The database in " + postgres + " is starting or stopping: try again in a moment.");
		}
		String port = lines.get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
	}

	private static BackupKey key(Map<String, String> environment) {
		String file = environment.get("TONGBAN_BACKUP_KEY_FILE");
		return BackupKey.load(environment.get("TONGBAN_BACKUP_KEY"), file);
	}

	private static String required(Map<String, String> environment, String name) {
		String value = environment.getOrDefault(name, "");
		if (value.isBlank()) {
			throw new BackupRefused(name + " is not set: name the backup folder (or give --from).");
		}
		return value;
	}

	private static Optional<String> option(List<String> arguments, String name) {
		int at = arguments.indexOf(name);
		if (at < 0) {
			return Optional.empty();
		}
		if (at + 1 >= arguments.size()) {
			throw new BackupRefused(name + " needs a value.");
		}
		return Optional.of(arguments.get(at + 1));
	}
}
