package tongban.support;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tongban.identity.Role;
import tongban.identity.internal.SignInService;
import tongban.identity.internal.SmsCodeLimits;

/**
 * Base of every *IT: the whole application on a random port over one embedded PostgreSQL, started once per test
 * run (the context is shared because every subclass has the same configuration) with demo data. Tests isolate
 * themselves by creating their own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest {

	static final Path DATA_DIR = Path.of("target", "test-data", Long.toString(ProcessHandle.current().pid()))
		.toAbsolutePath();

	static {
		StaleTestData.removeEndedRuns(DATA_DIR.getParent());
	}

	/**
	 * Backups are on in the test context (WAL archived here, base backups taken by the tests that want one: the
	 * scheduled runs are off), so the restore drill needs no context of its own; the key is new for every run.
	 */
	public static final Path BACKUP_DIR = Path.of("target", "test-data", ProcessHandle.current().pid() + "-backups").toAbsolutePath();

	public static final String BACKUP_KEY = newBackupKey();

	private static String newBackupKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	/** Staff and citizens of the test's own, made through identity's public API. */
	@RegisterExtension
	protected final People people = new People();

	@Autowired
	protected tongban.shared.DataKeys keys;

	@Autowired
	private SignInService signIns;

	@Autowired
	private SmsCodeLimits smsCodeLimits;

	/** The application's clock: tests whose rules depend on the time of day set it, and it is reset after each test. */
	@Autowired
	protected TestClock clock;

	/**
	 * Every test signs in from this machine: failed sign-ins of one test must not lock the address for the next (the
	 * platform refuses an address after too many failures across accounts), nor its SMS codes the next one's.
	 */
	@AfterEach
	void forgetFailedSignInsFromThisMachine() {
		clock.reset();
		for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
			signIns.forgetAddress(address);
			smsCodeLimits.forgetAddress(address);
		}
	}

	/** The password every test citizen gets. */
	public static final String PASSWORD = People.PASSWORD;

	public record Citizen(String name, String idNumber, String mobile, java.util.UUID id) {
	}

	@Autowired
	private tongban.directory.DirectoryManagement departments;

	@Autowired
	private com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> jwks;

	@Autowired
	private org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository registeredClients;

	@Autowired
	private tongban.identity.internal.ClientRegistrations clientRegistrations;

	@Autowired
	private org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations;

	/**
	 * An access token for this account as the authorization server issues it, with these scopes (cases.read,
	 * cases.write, tasks …): the API refuses tokens it did not issue, ID tokens, and tokens without the scope it needs.
	 */
	protected String accessToken(Object subject, String... scopes) {
		return new AccessTokens(jwks, registeredClients, clientRegistrations, authorizations).issue(subject, scopes);
	}

	/** A new staff member of a department with one role, scoped to the department's region; TOTP secret of their own. */
	protected People.Staff newStaff(String departmentCode, Role role, String name) {
		return people.staff(departmentCode, role, name);
	}

	/** A new staff member of a department with one role, scoped to {@code regionScope} (null: the department's region). */
	protected People.Staff newStaff(String departmentCode, String regionScope, Role role, String name) {
		return people.staff(departmentCode, regionScope, EnumSet.of(role), name);
	}

	/** A new citizen account of its own, so a test shares no state with others. */
	protected Citizen newCitizen(String name, int level) {
		return people.citizen(name, level);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tongban.data-dir", DATA_DIR::toString);
		registry.add("tongban.demo", () -> "true");
		registry.add("tongban.backup.dir", BACKUP_DIR::toString);
		registry.add("tongban.backup.key", () -> BACKUP_KEY);
		registry.add("tongban.backup.cron", () -> "-");
		registry.add("tongban.backup.wal-cron", () -> "-");
		// no WAL file closed every minute only for its time: the suite would archive 16 MiB a minute for nothing
		registry.add("tongban.backup.archive-timeout", () -> "0s");
		registry.add("logging.structured.format.console", () -> "");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", Mail::port);
		// SMS about one case wait this long for others to join them (a minute in production): short, so tests wait little
		registry.add("tongban.notification.sms-window", () -> "3s");
		// the demo SMS centre has no carrier's allowance; tests ask codes faster than an account's default 10 a second
		registry.add("tongban.smpp.per-second", () -> "1000");
		// channel checks may ask links on this machine besides the platform itself (tests serve dead and live links here)
		registry.add("tongban.insight.channels.allowed-hosts", () -> "127.0.0.1");
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The newest text message the outbox sender kept for this mobile, or "" while none has been sent (so waits retry). */
	protected String lastSms(String mobile) {
		return jdbc.sql("select text from notification_sms_outbox where mobile_index = ? order by id desc limit 1")
			.param(keys.blindIndex(mobile))
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The 6-digit code in the newest text message for this mobile. */
	protected String lastSmsCode(String mobile) {
		var m = java.util.regex.Pattern.compile("(\\d{6})").matcher(lastSms(mobile));
		if (!m.find()) {
			throw new AssertionError("no code in SMS");
		}
		return m.group(1);
	}

	/** A department system's access token (client credentials) for a new client with these scopes. */
	protected String clientToken(tongban.identity.internal.ClientRegistrations clients, String clientId, String... scopes) throws Exception {
		String secret = "secret-" + java.util.UUID.randomUUID();
		clients.save(clientId, "测试部门系统 " + clientId, secret, java.util.List.of("client_credentials"), java.util.List.of(scopes), java.util.List.of(),
				java.util.List.of());
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/oauth2/token")))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + String.join("%20", scopes)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new AssertionError("no token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}
}
