package tongban.shared.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.Tongban;
import tongban.audit.AuditTrail;
import tongban.casework.Applying;
import tongban.exchange.DataLookups;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.exchange.ResourceCatalogue;
import tongban.hotline.NewTicket;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.shared.DataKeys;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The restore drill (issue 23 §3): cases, licences, tickets and reads of personal data are made; a base backup is
 * taken; more are made, then a moment is noted, then more again; the backup is restored to that moment into a new
 * folder with the same code {@code bin/restore} runs, and a second platform starts on it. What was made before the
 * moment is there (also what came after the base backup: the archived WAL was replayed), what came after is not, every
 * sealed licence of the restored database still verifies, and so does the audit chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreDrillIT extends IntegrationTest {

	@Autowired
	ScheduledBackups backups;

	@Autowired
	Applying applying;

	@Autowired
	LicenceManagement licences;

	@Autowired
	TicketIntake intake;

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	DataLookups lookups;

	@Autowired
	AuditTrail audit;

	@Autowired
	ConfigurableApplicationContext context;

	private static final BackupKey KEY = BackupKey.load(BACKUP_KEY, null);

	/** One of each kind of record, made by one citizen. */
	record Made(UUID caseId, UUID licenceId, UUID ticketId, String readSubject) {
	}

	private Made make(String tag) {
		Citizen citizen = newCitizen("备份演练" + tag, 2);
		UUID caseId = TestCases.submittedSocialSecurityCard(applying, citizen).value();
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "发证审批员", "XH-SCJG", Set.of("APPROVER"), true);
		UUID licenceId = licences.issue(new LicenceManagement.Issue(null, "330106-XK-0001-01", "XH-SCJG", "330106", citizen.id(),
				Map.of("uscc", "91330106MA2H3L5Y4T", "entityName", "西湖备份演练餐饮店" + tag, "legalName", citizen.name(), "address",
						"杭州市西湖区文三路 8 号", "format", "餐饮服务经营者", "items", "热食类食品制售"), citizen.id()), sealer).orElseThrow().id();
		var ticket = intake.submit(new NewTicket("CONSULT", "CS0201", null, "330106", "", null, null, "请问备份演练" + tag + "的垃圾清运时间？", "",
				"0571-8700" + String.format("%04d", Math.abs(tag.hashCode()) % 10_000), null, false, List.of()), TicketSource.operator("话务员"));
		assertThat(ticket.problems()).isEmpty();
		catalogue.putRecord("XH-GA-RK", citizen.idNumber(), Map.of("name", citizen.name(), "idNumber", citizen.idNumber()));
		lookups.lookup(new Reader("XH-ZWFW", null, "drill", "演练"), new Lookup("XH-GA-RK", citizen.idNumber(), null, "备份演练", "C-DRILL"), true);
		return new Made(caseId, licenceId, ticket.id().value(), keys.blindIndex(citizen.idNumber()));
	}

	@Test
	@Order(1)
	void aBackupRestoredToAMomentHoldsWhatCameBeforeItAndNothingAfterAndStillVerifies() throws Exception {
		Made beforeBackup = make("甲");
		BaseBackup.Taken taken = backups.backUp();
		assertThat(taken.folder().resolve(BackupSet.MANIFEST)).exists();
		assertThat(Files.readAllBytes(taken.folder().resolve(BackupSet.DATABASE))).as("encrypted, not a gzip stream").startsWith("TBBACKUP".getBytes());

		Made afterBackup = make("乙");
		Instant moment = now();
		await().atMost(Duration.ofSeconds(5)).until(() -> now().isAfter(moment));
		Made afterMoment = make("丙");
		// the WAL holding all of it is closed, archived and shipped (as archive_timeout and the minute's job do)
		String last = jdbc.sql("select pg_walfile_name(pg_switch_wal())").query(String.class).single();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(BACKUP_DIR.resolve("wal-spool").resolve(last))
				|| Files.exists(BACKUP_DIR.resolve("wal").resolve(last + ".enc")));
		backups.shipWal();

		Path into = restoredFolder("drill");
		Restore.Restored restored = Restore.restore(BACKUP_DIR, KEY, into, Optional.of(moment));
		assertThat(restored.backup()).isEqualTo(taken.folder());
		assertThat(into.resolve("keys").resolve("data.keys")).as("the key material came back").exists();
		assertThat(into.resolve("postgres").resolve("recovery.signal")).as("recovery finished").doesNotExist();

		try (ConfigurableApplicationContext node = startOn(into)) {
			JdbcClient restoredJdbc = node.getBean(JdbcClient.class);
			for (Made made : List.of(beforeBackup, afterBackup)) {
				assertThat(count(restoredJdbc, "casework_case", made.caseId())).as("case made before the moment").isOne();
				assertThat(count(restoredJdbc, "licence_licence", made.licenceId())).as("licence made before the moment").isOne();
				assertThat(count(restoredJdbc, "hotline_ticket", made.ticketId())).as("ticket made before the moment").isOne();
				assertThat(reads(restoredJdbc, made.readSubject())).as("read made before the moment").isPositive();
			}
			assertThat(count(restoredJdbc, "casework_case", afterMoment.caseId())).as("case made after the moment").isZero();
			assertThat(count(restoredJdbc, "licence_licence", afterMoment.licenceId())).as("licence made after the moment").isZero();
			assertThat(count(restoredJdbc, "hotline_ticket", afterMoment.ticketId())).as("ticket made after the moment").isZero();
			assertThat(reads(restoredJdbc, afterMoment.readSubject())).as("read made after the moment").isZero();
			// the live database has all three, so the absence above is the restore's doing
			assertThat(count(jdbc, "casework_case", afterMoment.caseId())).isOne();

			assertThat(node.getBean(DataKeys.class).blindIndex("11010519491231002X")).as("the same data keys")
				.isEqualTo(keys.blindIndex("11010519491231002X"));
			List<String> failures = sealedLicenceFailures(node);
			assertThat(failures).as("every sealed licence of the restored database verifies").isEmpty();
			AuditTrail.Verification chain = node.getBean(AuditTrail.class).verify();
			assertThat(chain.intact()).as("audit chain of the restored database: %s", chain).isTrue();
			assertThat(chain.checked()).isPositive();
		}
		finally {
			Restore.deleteTree(into);
		}
	}

	@Test
	@Order(2)
	void aNonEmptyFolderAWrongKeyAndATimeBeforeTheBackupAreRefusedAndNothingIsWritten() throws IOException, SQLException {
		if (BackupSet.list(BACKUP_DIR).isEmpty()) {
			backups.backUp();
		}
		Path occupied = restoredFolder("occupied");
		Files.createDirectories(occupied);
		Files.writeString(occupied.resolve("notes.txt"), "已有内容");
		assertThatThrownBy(() -> Restore.restore(BACKUP_DIR, KEY, occupied, Optional.empty())).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("is not empty: restore into a new, empty folder (nothing was changed)");
		try (var entries = Files.list(occupied)) {
			assertThat(entries.toList()).containsExactly(occupied.resolve("notes.txt"));
		}

		Path fresh = restoredFolder("wrong-key");
		BackupKey other = BackupKey.of(new byte[32]);
		assertThatThrownBy(() -> Restore.restore(BACKUP_DIR, other, fresh, Optional.empty())).isInstanceOf(BackupRefused.class)
			.hasMessageStartingWith("Wrong backup key:");
		assertThat(fresh).doesNotExist();

		Instant oldest = BackupSet.list(BACKUP_DIR).getFirst().stoppedAt();
		assertThatThrownBy(() -> Restore.restore(BACKUP_DIR, KEY, fresh, Optional.of(oldest.minusSeconds(60)))).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("The oldest backup finished at " + Restore.shown(oldest));
		assertThat(fresh).doesNotExist();
		Restore.deleteTree(occupied);
	}

	private Instant now() {
		return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
	}

	private static Path restoredFolder(String name) {
		return BACKUP_DIR.resolveSibling(ProcessHandle.current().pid() + "-restored-" + name);
	}

	private static long count(JdbcClient client, String table, UUID id) {
		return client.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single();
	}

	private static long reads(JdbcClient client, String subjectIndex) {
		return client.sql("select count(*) from exchange_access where subject_index = ?").param(subjectIndex).query(Long.class).single();
	}

	/** Each licence with a file: its PDF (PAdES) and OFD (GB/T 38540) seals checked by the seal module. */
	private static List<String> sealedLicenceFailures(ConfigurableApplicationContext node) {
		JdbcClient client = node.getBean(JdbcClient.class);
		HeldLicences held = node.getBean(HeldLicences.class);
		SealManagement seals = node.getBean(SealManagement.class);
		List<String> failures = new ArrayList<>();
		var rows = client.sql("select id, holder_party_id, pdf_file_id is not null as pdf, ofd_file_id is not null as ofd from licence_licence")
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4) })
			.list();
		assertThat(rows).isNotEmpty();
		for (Object[] row : rows) {
			var licence = held.held((UUID) row[1], (UUID) row[0]).orElseThrow();
			if ((Boolean) row[2] && !seals.checkPdf(held.pdf(licence)).valid()) {
				failures.add(licence.number() + " PDF");
			}
			if ((Boolean) row[3] && !seals.checkOfd(held.ofd(licence)).valid()) {
				failures.add(licence.number() + " OFD");
			}
		}
		return failures;
	}

	/**
	 * The platform on the restored folder, as {@code TONGBAN_DATA_DIR=<folder> bin/run} starts it: its own embedded
	 * PostgreSQL on the restored data, the restored keys, no demo data, no backups of its own.
	 */
	private ConfigurableApplicationContext startOn(Path folder) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String name : List.of("spring.mail.host", "spring.mail.port", "tongban.notification.sms-window", "tongban.insight.channels.allowed-hosts")) {
			String value = context.getEnvironment().getProperty(name);
			if (value != null) {
				settings.put(name, value);
			}
		}
		settings.put("tongban.data-dir", folder.toString());
		settings.put("tongban.demo", "false");
		settings.put("tongban.backup.dir", "");
		settings.put("server.port", "0");
		settings.put("spring.main.banner-mode", "off");
		settings.put("logging.structured.format.console", "");
		SpringApplication application = new SpringApplication(Tongban.class);
		application.setRegisterShutdownHook(false);
		String[] arguments = settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
		// one logging system per JVM: the restored node must not reconfigure (and, on close, stop) the test's
		String loggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		try {
			return application.run(arguments);
		}
		finally {
			if (loggingSystem == null) {
				System.clearProperty("org.springframework.boot.logging.LoggingSystem");
			}
			else {
				System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
			}
		}
	}
}
