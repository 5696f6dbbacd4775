package tongban.support;

import java.nio.file.Path;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every *IT: the whole application on a random port over one embedded PostgreSQL, started once per test
 * run (the context is shared because every subclass has the same configuration) with demo data. Tests isolate
 * themselves by creating their own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest {

	static final Path DATA_DIR = Path.of("target", "test-data", Long.toString(ProcessHandle.current().pid()))
		.toAbsolutePath();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected AccountRepository accounts;

	@Autowired
	protected PasswordEncoder passwordEncoder;

	/** The password every test citizen gets. */
	public static final String PASSWORD = "Qiantang-2026-tide";

	public record Citizen(String name, String idNumber, String mobile, java.util.UUID id) {
	}

	/** A new citizen account of its own, so a test shares no state with others. */
	protected Citizen newCitizen(String name, int level) {
		String id = TestPeople.idNumber();
		while (accounts.existsByIdNumber(id)) {
			id = TestPeople.idNumber();
		}
		String mobile = TestPeople.mobile();
		Account a = accounts.save(Account.citizen(name, new IdNumber(id), mobile, passwordEncoder.encode(PASSWORD), level));
		return new Citizen(name, id, mobile, a.id());
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tongban.data-dir", DATA_DIR::toString);
		registry.add("tongban.demo", () -> "true");
		registry.add("logging.structured.format.console", () -> "");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", Mail::port);
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The newest text message the outbox sender kept for this mobile. */
	protected String lastSms(String mobile) {
		return jdbc.sql("select text from notification_sms_outbox where mobile = ? order by id desc limit 1")
			.param(mobile)
			.query(String.class)
			.single();
	}

	/** The 6-digit code in the newest text message for this mobile. */
	protected String lastSmsCode(String mobile) {
		var m = java.util.regex.Pattern.compile("(\\d{6})").matcher(lastSms(mobile));
		if (!m.find()) {
			throw new AssertionError("no code in SMS");
		}
		return m.group(1);
	}
}
