package tongban.shared.internal.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.shared.EmbeddedDatabase;
import tongban.shared.TongbanProperties;

/**
 * Backups on a schedule, when {@code TONGBAN_BACKUP_DIR} names a folder (off otherwise): a base backup at
 * {@code TONGBAN_BACKUP_CRON} (02:30 daily; {@code -} for none, e.g. when {@code bin/backup} runs from cron) and the
 * archived WAL and the files stored since encrypted every minute ({@code TONGBAN_BACKUP_WAL_CRON}). Once per cluster (ShedLock), though only the
 * embedded database, which has a single node, is backed up here: an external database is backed up where it runs.
 * The backup key is read at start, so a node with backups on and no key refuses to start instead of failing at 02:30.
 */
@Component
@ConditionalOnExpression("!'${tongban.backup.dir:}'.isBlank()")
public class ScheduledBackups {

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private final DataSource dataSource;

	private final ObjectProvider<EmbeddedDatabase> embedded;

	private final Path backupDir;

	private final BackupKey key;

	private final BaseBackup.Source source;

	ScheduledBackups(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded, TongbanProperties properties,
			@Value("${tongban.backup.dir}") Path backupDir, @Value("${tongban.backup.key:}") String key,
			@Value("${tongban.backup.key-file:}") String keyFile, @Value("${tongban.data-keys:}") String dataKeys,
			@Value("${tongban.data-keys-file:}") String dataKeysFile, @Value("${tongban.s3.bucket:}") String bucket) {
		this.dataSource = dataSource;
		this.embedded = embedded;
		this.backupDir = backupDir.toAbsolutePath();
		this.key = BackupKey.load(key, keyFile);
		this.source = new BaseBackup.Source(properties.dataDir().toAbsolutePath(), dataKeys, dataKeysFile, bucket.isBlank());
	}

	/** A base backup now; the same as {@code bin/backup}. */
	public BaseBackup.Taken backUp() throws IOException, SQLException {
		if (embedded.getIfAvailable() == null) {
			throw new BackupRefused("The platform runs on an external database (SPRING_DATASOURCE_URL): back it up where it runs (docs/operations.md).");
		}
		try (Connection connection = dataSource.getConnection()) {
			BaseBackup.Taken taken = BaseBackup.take(connection, source, backupDir, key);
			log.info("backup {}: database {} bytes, files {} bytes, restores from {} on; {} ms", taken.folder().getFileName(), taken.databaseBytes(),
					taken.fileBytes(), taken.stoppedAt(), taken.took().toMillis());
			return taken;
		}
	}

	/** Encrypts the WAL archived since the last run, and the local files stored since; how many WAL files. */
	public int shipWal() throws IOException {
		if (source.localFiles()) {
			FileArchive.ship(source.dataDir().resolve("files"), backupDir, key);
		}
		return WalArchive.ship(backupDir, key);
	}

	@Scheduled(cron = "${tongban.backup.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "shared.backup", lockAtLeastFor = "PT12H", lockAtMostFor = "PT12H")
	void scheduledBackup() {
		try {
			backUp();
		}
		catch (IOException | SQLException | RuntimeException e) {
			log.error("scheduled backup failed: {}", e.getMessage(), e);
		}
	}

	@Scheduled(cron = "${tongban.backup.wal-cron:0 * * * * *}")
	@SchedulerLock(name = "shared.backup-wal", lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	void scheduledWal() {
		try {
			shipWal();
		}
		catch (IOException | RuntimeException e) {
			log.error("shipping the archived WAL failed: {}", e.getMessage(), e);
		}
	}
}
