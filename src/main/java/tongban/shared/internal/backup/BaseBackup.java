package tongban.shared.internal.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.Set;

/**
 * Takes a base backup of the embedded PostgreSQL with its own low-level API ({@code pg_backup_start} …
 * {@code pg_backup_stop}, PostgreSQL 18 docs §25.3.4): the zonky binaries the platform runs ship {@code initdb},
 * {@code pg_ctl} and {@code postgres} but no {@code pg_basebackup} or {@code pg_dump}, and Debian's client tools (15)
 * cannot read an 18 server. The data folder is copied while the server runs; the WAL archived from the backup's start
 * to its end makes the copy consistent on restore, and the WAL archived after it carries it forward to any later
 * moment (point-in-time recovery). Then the file store and the key material, each encrypted with the backup key.
 */
public final class BaseBackup {

	/** What a base backup is taken from: the data folder, the data keys as configured, and whether files are local. */
	public record Source(Path dataDir, String dataKeys, String dataKeysFile, boolean localFiles) {

		Path postgres() {
			return dataDir.resolve("postgres");
		}
	}

	/** What a backup took, for the log and the timings. */
	public record Taken(Path folder, Instant startedAt, Instant stoppedAt, long databaseBytes, long fileBytes, Duration took, int walShipped) {
	}

	/**
	 * Left out of the copy (PostgreSQL 18 docs §25.3.4 and the base backup protocol's list): the server's lock and
	 * options, the embedded library's lock, caches rebuilt at start; folders whose contents are the server's own
	 * short-lived state are kept empty.
	 */
	static final Tars.Skip DATABASE_SKIP = new Tars.Skip(
			Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map", "current_logfiles", "pg_internal.init",
					"backup_label.old", "recovery.signal", "standby.signal"),
			Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log"));

	private BaseBackup() {
	}

	/**
	 * Backs up the database {@code connection} serves (a superuser's, on the server whose data folder {@code source}
	 * names, with WAL archiving into {@code backupDir}), then the files and keys; returns once the backup folder is
	 * complete and the WAL its restore needs is shipped.
	 */
	public static Taken take(Connection connection, Source source, Path backupDir, BackupKey key) throws IOException, SQLException {
		long t0 = System.nanoTime();
		if (!Files.isRegularFile(source.postgres().resolve("PG_VERSION"))) {
			throw new BackupRefused("No embedded database in " + source.postgres() + ": check TONGBAN_DATA_DIR.");
		}
		requireArchiving(connection);
		WalArchive.prepare(backupDir);
		Instant startedAt = now(connection);
		Path base = BackupSet.baseFolder(backupDir);
		Path partial = base.resolve(BackupSet.folderName(startedAt) + ".partial");
		Files.createDirectories(partial);
		Tars.restrict(partial, "rwx------");

		String startLsn = single(connection, "select pg_backup_start(?, true)::text", "tongban " + startedAt);
		String startWal = single(connection, "select pg_walfile_name(?::pg_lsn)", startLsn);
		long databaseBytes;
		String label;
		String stopLsn;
		try {
			try (OutputStream out = encrypted(partial.resolve(BackupSet.DATABASE), key)) {
				databaseBytes = Tars.pack(source.postgres(), out, DATABASE_SKIP);
			}
		}
		finally {
			// also on failure: a started backup holds the server's WAL until it is stopped or the session ends
			try (Statement statement = connection.createStatement();
					ResultSet stop = statement.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(true)")) {
				stop.next();
				stopLsn = stop.getString(1);
				label = stop.getString(2);
				if (stop.getString(3) != null && !stop.getString(3).isBlank()) {
					throw new BackupRefused("The database uses tablespaces outside its data folder, which bin/backup does not copy.");
				}
			}
		}
		try (OutputStream out = encrypted(partial.resolve(BackupSet.LABEL), key)) {
			out.write(label.getBytes(StandardCharsets.UTF_8));
		}
		Instant stoppedAt = now(connection);
		String stopWal = single(connection, "select pg_walfile_name(?::pg_lsn)", stopLsn);

		long fileBytes = 0;
		if (source.localFiles()) {
			try (OutputStream out = encrypted(partial.resolve(BackupSet.FILES), key)) {
				fileBytes = Tars.pack(source.dataDir().resolve("files"), out, Tars.Skip.NOTHING);
			}
		}
		try (OutputStream out = encrypted(partial.resolve(BackupSet.KEYS), key)) {
			packKeys(source, out);
		}
		int shipped = WalArchive.ship(backupDir, key);
		if (source.localFiles()) {
			FileArchive.ship(source.dataDir().resolve("files"), backupDir, key);
		}

		Properties more = new Properties();
		more.setProperty("startLsn", startLsn);
		more.setProperty("stopLsn", stopLsn);
		more.setProperty("databaseBytes", Long.toString(databaseBytes));
		more.setProperty("fileBytes", Long.toString(fileBytes));
		new BackupSet(partial, startedAt, stoppedAt, startWal, stopWal, source.localFiles() ? "local" : "object-store").write(more);
		Path folder = base.resolve(BackupSet.folderName(startedAt));
		Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
		return new Taken(folder, startedAt, stoppedAt, databaseBytes, fileBytes, Duration.ofNanos(System.nanoTime() - t0), shipped);
	}

	private static void requireArchiving(Connection connection) throws SQLException {
		String mode = single(connection, "select current_setting('archive_mode')");
		if ("off".equals(mode)) {
			throw new BackupRefused("The database does not archive its WAL (archive_mode is off): start the platform with TONGBAN_BACKUP_DIR "
					+ "set, so that a backup can be made consistent and carried forward.");
		}
	}

	/**
	 * The key folder of the data folder (OIDC, seal key files of older versions, the generated data keys), and the data
	 * keys as configured when they come from {@code TONGBAN_DATA_KEYS} or a mounted file: as {@code data.keys}, where a
	 * single node reads them when neither is set, so the restored folder starts as it is.
	 */
	private static void packKeys(Source source, OutputStream out) throws IOException {
		Path keys = source.dataDir().resolve("keys");
		String configured = source.dataKeys() == null ? "" : source.dataKeys().strip();
		if (configured.isEmpty() && source.dataKeysFile() != null && !source.dataKeysFile().isBlank()) {
			configured = Files.readString(Path.of(source.dataKeysFile().strip())).strip();
		}
		if (configured.isEmpty()) {
			Tars.pack(keys, out, Tars.Skip.NOTHING);
			return;
		}
		// the configured keys replace a generated file of an earlier single-node start
		Path staging = Files.createTempDirectory("tongban-keys");
		try {
			Tars.restrict(staging, "rwx------");
			if (Files.isDirectory(keys)) {
				try (var files = Files.list(keys)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						Files.copy(file, staging.resolve(file.getFileName()));
					}
				}
			}
			Files.writeString(staging.resolve("data.keys"), configured);
			Tars.pack(staging, out, Tars.Skip.NOTHING);
		}
		finally {
			try (var files = Files.list(staging)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(staging);
		}
	}

	static OutputStream encrypted(Path file, BackupKey key) throws IOException {
		return BackupCipher.encrypting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), key);
	}

	private static Instant now(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet now = statement.executeQuery("select clock_timestamp()")) {
			now.next();
			return now.getObject(1, OffsetDateTime.class).toInstant();
		}
	}

	private static String single(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}
}
