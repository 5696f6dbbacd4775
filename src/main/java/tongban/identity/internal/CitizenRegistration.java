package tongban.identity.internal;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.web.RegistrationForm;
import tongban.notification.NotificationManagement;
import tongban.shared.IdNumber;
import tongban.shared.TongbanProperties;

/**
 * Citizen self-registration: details checked on the server, mobile confirmed by an SMS code, then an account at
 * L1, or L2 when name and ID number match the population register.
 */
@Service
public class CitizenRegistration {

	private final tongban.shared.DataKeys keys;

	public static final String NAME_PATTERN = "[\\p{IsHan}·A-Za-z ]{2,30}";
	public static final String MOBILE_PATTERN = "1[3-9]\\d{9}";
	static final int MAX_CODE_ATTEMPTS = 5;

	private final AccountRepository accounts;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final NotificationManagement notifications;
	private final JdbcClient jdbc;
	private final TongbanProperties properties;
	private final SecureRandom random = new SecureRandom();

	CitizenRegistration(AccountRepository accounts, PasswordPolicy policy,
			PasswordEncoder encoder, NotificationManagement notifications, JdbcClient jdbc, TongbanProperties properties,
			tongban.shared.DataKeys keys) {
		this.keys = keys;
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Field errors as message codes; a duplicate is one global error that names neither field. */
	public void validate(RegistrationForm form, Errors errors) {
		String name = trim(form.name());
		if (name.isEmpty()) {
			errors.rejectValue("name", "register.error.name.empty");
		}
		else if (!name.matches(NAME_PATTERN)) {
			errors.rejectValue("name", "register.error.name.format");
		}
		// the platform's one check of ID numbers (a county merged away since issuance does not void a number)
		IdNumber.check(form.idNumber()).ifPresent(p -> errors.rejectValue("idNumber", "id.error." + p.name()));
		String mobile = trim(form.mobile());
		if (mobile.isEmpty()) {
			errors.rejectValue("mobile", "mobile.error.empty");
		}
		else if (!mobile.matches(MOBILE_PATTERN)) {
			errors.rejectValue("mobile", "mobile.error.format");
		}
		policy.check(form.password(), IdNumber.normalise(form.idNumber()), mobile)
			.ifPresent(code -> errors.rejectValue("password", code, new Object[] { PasswordPolicy.MIN }, null));
		if (form.password() != null && !form.password().isEmpty() && !form.password().equals(form.passwordConfirm())) {
			errors.rejectValue("passwordConfirm", "password.error.mismatch");
		}
		if (!errors.hasErrors() && (accounts.existsByIdNumberIndex(keys.blindIndex(IdNumber.normalise(form.idNumber()))) || accounts.existsByMobileIndex(keys.blindIndex(mobile)))) {
			errors.reject("register.error.duplicate");
		}
	}

	/** Sends the SMS code and returns what the session keeps until the code comes back. */
	public Pending start(RegistrationForm form) {
		String code = String.format("%06d", random.nextInt(1_000_000));
		String mobile = trim(form.mobile());
		notifications.sendSms(mobile, "【通办】您的注册验证码为 " + code + "，" + properties.otpValidity().toMinutes()
				+ " 分钟内有效。如非本人操作，请忽略。");
		return new Pending(trim(form.name()), IdNumber.normalise(form.idNumber()), mobile, encoder.encode(form.password()),
				encoder.encode(code), Instant.now().plus(properties.otpValidity()), 0);
	}

	public enum CodeCheck { OK, WRONG, EXPIRED, TOO_MANY }

	public CodeCheck check(Pending pending, String code) {
		if (pending.attempts() >= MAX_CODE_ATTEMPTS) {
			return CodeCheck.TOO_MANY;
		}
		if (Instant.now().isAfter(pending.expiresAt())) {
			return CodeCheck.EXPIRED;
		}
		return code != null && code.strip().matches("\\d{6}") && encoder.matches(code.strip(), pending.codeHash())
				? CodeCheck.OK : CodeCheck.WRONG;
	}

	/** Creates the account; refuses quietly (empty) if someone registered the same number meanwhile. */
	@Transactional
	public Optional<Account> complete(Pending p) {
		if (accounts.existsByIdNumberIndex(keys.blindIndex(p.idNumber())) || accounts.existsByMobileIndex(keys.blindIndex(p.mobile()))) {
			return Optional.empty();
		}
		boolean registered = jdbc.sql("select count(*) from identity_population_register where id_index = ? and name = ?")
			.params(keys.blindIndex(p.idNumber()), p.name())
			.query(Long.class)
			.single() > 0;
		return Optional.of(accounts.save(Account.citizen(p.name(), new IdNumber(p.idNumber()), p.mobile(), p.passwordHash(),
				registered ? 2 : 1)));
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	/** A registration waiting for its SMS code; the password and code are kept only as hashes. */
	public record Pending(String name, String idNumber, String mobile, String passwordHash, String codeHash,
			Instant expiresAt, int attempts) implements Serializable {

		public Pending withAttempt() {
			return new Pending(name, idNumber, mobile, passwordHash, codeHash, expiresAt, attempts + 1);
		}
	}
}
