package tongban.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.internal.backup.BackupKey;
import tongban.shared.internal.backup.BaseBackup;
import tongban.shared.internal.backup.Restore;
import tongban.shared.internal.backup.ScheduledBackups;
import tongban.support.IntegrationTest;

/**
 * Backup and restore times with {@code bench.cases} cases stored (issue 23 §3; 1,000,000 by default): the cases are
 * written by SQL in one statement (as {@link LifecycleBench} seeds tickets: a thousand real ciphertexts of form values,
 * a year of times), the WAL of the seeding is archived and shipped (timed: the archive's throughput), then a base backup
 * (timed), a thousand cases more, a restore to the moment after them into a new folder (timed: unpacking and WAL
 * replay), and the restored database opened to count its cases. Prints sizes and times for docs/performance.md; run by
 * bench/backup.sh, not by the test suite.
 */
class BackupBench extends IntegrationTest {

	static final int CASES = Integer.getInteger("bench.cases", 1_000_000);

	@Autowired
	ScheduledBackups backups;

	@Test
	void backupAndRestore() throws Exception {
		System.out.println("BENCH machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average at start " + loadAverage());
		long t0 = System.nanoTime();
		seed(CASES, "BK");
		System.out.printf("BENCH seeded %,d cases in %.1f s; casework_case %s, database %s%n", CASES, seconds(t0),
				size("pg_total_relation_size('casework_case')"), size("pg_database_size(current_database())"));

		t0 = System.nanoTime();
		switchAndAwaitArchive();
		int shipped = backups.shipWal();
		System.out.printf("BENCH WAL archived and shipped: %d files (16 MiB each) in %.1f s; wal/ now %s%n", shipped, seconds(t0),
				human(folderSize(BACKUP_DIR.resolve("wal"))));

		BaseBackup.Taken taken = backups.backUp();
		System.out.printf("BENCH base backup: data folder %s read, database file %s, files %s, keys; %.1f s%n", human(taken.databaseBytes()),
				human(Files.size(taken.folder().resolve("database.tar.gz.enc"))), human(taken.fileBytes()), taken.took().toMillis() / 1000.0);

		seed(1000, "BL");
		Instant moment = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
		await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant()
			.isAfter(moment));
		seed(1000, "BM");
		long expected = jdbc.sql("select count(*) from casework_case").query(Long.class).single() - 1000;
		switchAndAwaitArchive();
		backups.shipWal();

		Path into = BACKUP_DIR.resolveSibling(ProcessHandle.current().pid() + "-bench-restored");
		try {
			t0 = System.nanoTime();
			Restore.Restored restored = Restore.restore(BACKUP_DIR, BackupKey.load(BACKUP_KEY, null), into, Optional.of(moment));
			System.out.printf("BENCH restore to a moment after the backup: %d WAL files, %.1f s; restored folder %s%n", restored.walFiles(),
					seconds(t0), human(folderSize(into)));
			t0 = System.nanoTime();
			long found = countRestored(into.resolve("postgres"));
			System.out.printf("BENCH restored database opened in %.1f s: %,d cases (the live database had %,d at the moment)%n", seconds(t0), found,
					expected);
			if (found != expected) {
				throw new AssertionError("restored " + found + " cases, expected " + expected);
			}
		}
		finally {
			deleteTree(into);
			deleteTree(BACKUP_DIR.resolve("base"));
			deleteTree(BACKUP_DIR.resolve("wal"));
		}
	}

	/** Cases of an online item by SQL, submitted over the past year, form values as real ciphertexts (a thousand). */
	private void seed(int count, String prefix) {
		String[] forms = IntStream.range(0, 1000)
			.mapToObj(i -> keys.encrypt("{\"name\":\"市民" + i + "\",\"phone\":\"1380571" + String.format("%04d", i) + "\",\"reason\":\"补领\"}"))
			.toArray(String[]::new);
		String[] names = IntStream.range(0, 1000).mapToObj(i -> keys.encrypt("市民" + i)).toArray(String[]::new);
		jdbc.sql("""
				insert into casework_case (id, case_number, item_code, item_version, item_name, department_code, region_code,
				  applicant_account_id, applicant_name, party_kind, party_id, party_name, status, form_values, submit_token, created_at,
				  updated_at, submitted_at)
				select gen_random_uuid(), ? || lpad(g::text, 9, '0'), '330106-GG-0001-01', 1, '社会保障卡申领', 'XH-RLSB',
				  (array['330102','330105','330106','330108','330109','330110'])[1 + g % 6], a, n, 'CITIZEN', a, n,
				  (array['SUBMITTED','ACCEPTED','APPROVED','APPROVED','APPROVED','DENIED'])[1 + g % 6], f, gen_random_uuid(), c, c, c
				from (select g, gen_random_uuid() as a, (?::text[])[1 + g % 1000] as n, (?::text[])[1 + (g / 7) % 1000] as f,
				        now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' as c
				      from generate_series(1, ?) g) s""")
			.params(prefix + System.nanoTime() % 100_000, names, forms, count)
			.update();
	}

	private void switchAndAwaitArchive() {
		String last = jdbc.sql("select pg_walfile_name(pg_switch_wal())").query(String.class).single();
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> Files.exists(BACKUP_DIR.resolve("wal-spool").resolve(last)) || Files.exists(BACKUP_DIR.resolve("wal").resolve(last + ".enc")));
	}

	private static long countRestored(Path postgres) throws IOException, SQLException {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(postgres).setCleanDataDirectory(false)
			.setRegisterShutdownHook(false).start();
				Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("select count(*) from casework_case")) {
			count.next();
			return count.getLong(1);
		}
	}

	private String size(String expression) {
		return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static long folderSize(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

	private static String human(long bytes) {
		return String.format("%.1f MiB", bytes / 1048576.0);
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}
}
