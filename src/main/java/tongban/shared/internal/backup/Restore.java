package tongban.shared.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup into a new data folder that the platform then starts on ({@code TONGBAN_DATA_DIR=<folder> bin/run}):
 * the newest base backup that ended before the target time, the WAL archived since, replayed by PostgreSQL itself up
 * to that time ({@code recovery_target_time}) or, without one, to the end of the archive; then the files and the keys.
 * The recovery runs here, on a server of its own that stops once it has promoted, so the platform later opens an
 * ordinary database.
 */
public final class Restore {

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX").withZone(SHANGHAI);

	/** What was restored. */
	public record Restored(Path into, Path backup, Instant backupStoppedAt, Optional<Instant> to, int walFiles, Duration took) {
	}

	private Restore() {
	}

	/**
	 * Parses a target time as people write it: {@code 2026-12-07 10:00:00+08}, {@code 2026-12-07T10:00:00+08:00}, or
	 * without an offset in Beijing time.
	 */
	public static Instant parseTime(String text) {
		String value = text.strip().replace('T', ' ');
		try {
			if (value.matches(".*[+-]\\d{2}$")) {
				value = value + ":00";
			}
			if (value.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
				return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
			}
			return LocalDateTime.parse(value.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new BackupRefused("Cannot read the time \"" + text + "\": write it as 2026-12-07 10:00:00+08 (without an offset: Beijing time).");
		}
	}

	static String shown(Instant instant) {
		return SHOWN.format(instant);
	}

	/** Restores from {@code backupDir} into {@code into}, which must not exist or be empty; to {@code to} when given. */
	public static Restored restore(Path backupDir, BackupKey key, Path into, Optional<Instant> to) throws IOException {
		long t0 = System.nanoTime();
		Path target = into.toAbsolutePath().normalize();
		refuseNonEmpty(target);
		List<BackupSet> sets = BackupSet.list(backupDir);
		if (sets.isEmpty()) {
			throw new BackupRefused("No finished backup in " + backupDir.toAbsolutePath() + ": check TONGBAN_BACKUP_DIR (or --from).");
		}
		BackupSet set = choose(sets, to);
		try (InputStream header = Files.newInputStream(set.folder().resolve(BackupSet.DATABASE))) {
			BackupCipher.checkKey(header, key, set.folder().getFileName() + "/" + BackupSet.DATABASE);
		}
		log.info("restoring backup {} (finished {}) into {}{}", set.folder().getFileName(), shown(set.stoppedAt()), target,
				to.map(time -> " as of " + shown(time)).orElse(" to the end of the archived WAL"));
		Files.createDirectories(target);
		Tars.restrict(target, "rwx------");
		Path postgres = target.resolve("postgres");
		try (InputStream in = decrypting(set, BackupSet.DATABASE, key)) {
			Tars.unpack(in, postgres);
		}
		try (InputStream in = decrypting(set, BackupSet.LABEL, key)) {
			Files.write(postgres.resolve("backup_label"), in.readAllBytes());
		}
		Files.createDirectories(postgres.resolve("pg_wal").resolve("archive_status"));
		Files.createDirectories(postgres.resolve("pg_wal").resolve("summaries"));
		Path wal = target.resolve("restore-wal");
		int walFiles = WalArchive.unpackFor(set, backupDir, key, wal);
		recover(postgres, wal, to);
		deleteTree(wal);

		if (Files.exists(set.folder().resolve(BackupSet.FILES))) {
			try (InputStream in = decrypting(set, BackupSet.FILES, key)) {
				Tars.unpack(in, target.resolve("files"));
			}
			// and the files stored after the base backup (those of records after the target time are unused)
			FileArchive.unpackInto(backupDir, key, target.resolve("files"));
		}
		try (InputStream in = decrypting(set, BackupSet.KEYS, key)) {
			Tars.unpack(in, target.resolve("keys"));
		}
		return new Restored(target, set.folder(), set.stoppedAt(), to, walFiles, Duration.ofNanos(System.nanoTime() - t0));
	}

	private static void refuseNonEmpty(Path target) throws IOException {
		if (Files.exists(target)) {
			if (!Files.isDirectory(target)) {
				throw new BackupRefused(target + " is a file: restore into a new, empty folder.");
			}
			try (Stream<Path> entries = Files.list(target)) {
				if (entries.findAny().isPresent()) {
					throw new BackupRefused(target + " is not empty: restore into a new, empty folder (nothing was changed).");
				}
			}
		}
	}

	/** The newest backup finished by {@code to}; a time before the oldest backup's end is refused. */
	static BackupSet choose(List<BackupSet> sets, Optional<Instant> to) {
		if (to.isEmpty()) {
			return sets.getLast();
		}
		return sets.stream()
			.filter(set -> !set.stoppedAt().isAfter(to.get()))
			.max(Comparator.comparing(BackupSet::stoppedAt))
			.orElseThrow(() -> new BackupRefused("The oldest backup finished at " + shown(sets.getFirst().stoppedAt()) + ", after "
					+ shown(to.get()) + ": a restore reaches no earlier; choose a time from " + shown(sets.getFirst().stoppedAt()) + " on."));
	}

	private static InputStream decrypting(BackupSet set, String name, BackupKey key) throws IOException {
		return BackupCipher.decrypting(Files.newInputStream(set.folder().resolve(name)), key, set.folder().getFileName() + "/" + name);
	}

	/**
	 * Starts PostgreSQL on the restored folder in recovery: it fetches the WAL it asks for ({@code restore_command}),
	 * replays up to {@code to}, promotes and so ends recovery; then it is stopped cleanly (a shutdown checkpoint) and
	 * the recovery settings are taken out again.
	 */
	private static void recover(Path postgres, Path wal, Optional<Instant> to) throws IOException {
		Path autoConf = postgres.resolve("postgresql.auto.conf");
		String original = Files.exists(autoConf) ? Files.readString(autoConf, StandardCharsets.UTF_8) : "";
		StringBuilder settings = new StringBuilder(original);
		settings.append("\n# bin/restore: recovery settings, removed once recovery is done\n");
		settings.append("restore_command = 'cp \"").append(wal).append("/%f\" \"%p\"'\n");
		to.ifPresent(time -> settings.append("recovery_target_time = '").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(SHANGHAI)))
			.append("'\n"));
		settings.append("recovery_target_action = 'promote'\n");
		Files.writeString(autoConf, settings, StandardCharsets.UTF_8);
		Files.createFile(postgres.resolve("recovery.signal"));
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(postgres)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("archive_mode", "off")
			// until the copy is consistent (the WAL of the backup itself is replayed) and takes connections
			.setPGStartupWait(Duration.ofMinutes(10))
			.start()) {
			awaitPromotion(server);
		}
		catch (IOException e) {
			throw new BackupRefused("PostgreSQL did not finish recovery on " + postgres + " (" + e.getMessage() + "); when a time was given, "
					+ "the archived WAL may end before it: try an earlier time, or none to restore everything archived.", e);
		}
		finally {
			Files.writeString(autoConf, original, StandardCharsets.UTF_8);
		}
	}

	private static void awaitPromotion(EmbeddedPostgres server) throws IOException {
		long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement();
					ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
				recovery.next();
				if (!recovery.getBoolean(1)) {
					// the end-of-recovery checkpoint, so the platform's start replays nothing
					statement.execute("checkpoint");
					return;
				}
			}
			catch (SQLException e) {
				throw new IOException("the restored server stopped answering: " + e.getMessage(), e);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted during recovery", e);
			}
		}
		throw new IOException("recovery took longer than two hours");
	}

	static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
