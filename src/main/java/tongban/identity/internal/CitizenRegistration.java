package tongban.identity.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.identity.ConsentChannel;
import tongban.identity.ConsentLedger;
import tongban.identity.PrivacyNotices;
import tongban.identity.ProcessingPurpose;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.web.RegistrationForm;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.IdNumber;
import tongban.shared.MobileNumber;

/**
 * Citizen self-registration: details checked on the server, mobile confirmed by an SMS code, then an account at
 * L1, or L2 when name and ID number match the population register; consent to the privacy notice is required and recorded.
 */
@Service
public class CitizenRegistration {

	private final DataKeys keys;

	public static final String NAME_PATTERN = "[\\p{IsHan}·A-Za-z ]{2,30}";
	private static final String PURPOSE = "注册";

	private final AccountRepository accounts;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final JdbcClient jdbc;
	private final SmsChallenges codes;
	private final ConsentLedger consents;
	private final PrivacyNotices notices;

	CitizenRegistration(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, JdbcClient jdbc,
			DataKeys keys, SmsChallenges codes, ConsentLedger consents, PrivacyNotices notices) {
		this.keys = keys;
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.jdbc = jdbc;
		this.codes = codes;
		this.consents = consents;
		this.notices = notices;
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
		checkMobile(mobile, errors);
		policy.check(form.password(), IdNumber.normalise(form.idNumber()), mobile)
			.ifPresent(code -> errors.rejectValue("password", code, new Object[] { PasswordPolicy.MIN }, null));
		if (form.password() != null && !form.password().isEmpty() && !form.password().equals(form.passwordConfirm())) {
			errors.rejectValue("passwordConfirm", "password.error.mismatch");
		}
		if (!RegistrationForm.CONSENTED.equals(form.consent())) {
			errors.rejectValue("consent", "register.error.consent");
		}
		if (!errors.hasErrors() && (accounts.existsByIdNumberIndex(keys.blindIndex(IdNumber.normalise(form.idNumber()))) || accounts.existsByMobileIndex(keys.blindIndex(mobile)))) {
			errors.reject("register.error.duplicate");
		}
	}

	/**
	 * Sends the SMS code, within the limits per mobile and per address; returns what the session keeps until the code
	 * comes back, or why no code was sent. The consent given on the form is kept with it and recorded with the account.
	 */
	public Started start(RegistrationForm form, String address) {
		SmsChallenges.Sent sent = codes.send(trim(form.mobile()), address, PURPOSE);
		if (!sent.ok()) {
			return new Started(null, sent.refusal());
		}
		return new Started(new Pending(trim(form.name()), IdNumber.normalise(form.idNumber()), encoder.encode(form.password()),
				Instant.now(), notices.current().version(), sent.challenge()), null);
	}

	/** A registration waiting for its code, or why no code was sent. */
	public record Started(Pending pending, SmsCodeLimits.Refusal refusal) {
	}

	/** Sends a new code for a waiting registration, to the same mobile or to a new one ("更换手机号"). */
	public Started resend(Pending pending, String mobile, String address) {
		SmsChallenges.Sent sent = codes.send(mobile, address, PURPOSE);
		return sent.ok() ? new Started(pending.with(sent.challenge()), null) : new Started(null, sent.refusal());
	}

	/** Field errors for a new mobile of a waiting registration: its format, and one global error if it is taken. */
	public void validateMobile(String mobile, Errors errors) {
		String m = trim(mobile);
		if (checkMobile(m, errors) && accounts.existsByMobileIndex(keys.blindIndex(m))) {
			errors.reject("register.error.duplicate");
		}
	}

	/** The field error of a mobile number that is missing or not a mainland mobile; true when it is fine. */
	public static boolean checkMobile(String mobile, Errors errors) {
		String m = trim(mobile);
		if (m.isEmpty()) {
			errors.rejectValue("mobile", "mobile.error.empty");
			return false;
		}
		if (!MobileNumber.valid(m)) {
			errors.rejectValue("mobile", "mobile.error.format");
			return false;
		}
		return true;
	}

	public SmsChallenge.Check check(Pending pending, String code) {
		return codes.check(pending.challenge(), code);
	}

	/** Creates the account; refuses quietly (empty) if someone registered the same number meanwhile. */
	@Transactional
	public Optional<Account> complete(Pending pending) {
		if (accounts.existsByIdNumberIndex(keys.blindIndex(pending.idNumber())) || accounts.existsByMobileIndex(keys.blindIndex(pending.mobile()))) {
			return Optional.empty();
		}
		boolean registered = jdbc.sql("select count(*) from identity_population_register where id_index = ? and name = ?")
			.params(keys.blindIndex(pending.idNumber()), pending.name())
			.query(Long.class)
			.single() > 0;
		Account account = accounts.saveAndFlush(Account.citizen(pending.name(), new IdNumber(pending.idNumber()), pending.mobile(), pending.passwordHash(),
				registered ? 2 : 1));
		consents.give(account.id(), ProcessingPurpose.REGISTRATION, pending.noticeVersion(), pending.consentedAt().atZone(Clocks.ZONE).toOffsetDateTime(),
				ConsentChannel.WEB);
		return Optional.of(account);
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	/**
	 * A registration waiting for its SMS code; the password and code are kept only as hashes, with the privacy notice
	 * version the person consented to and when.
	 */
	public record Pending(String name, String idNumber, String passwordHash, Instant consentedAt, String noticeVersion,
			SmsChallenge challenge) implements Serializable {

		public String mobile() {
			return challenge.mobile();
		}

		public Pending withAttempt() {
			return with(challenge.withAttempt());
		}

		Pending with(SmsChallenge next) {
			return new Pending(name, idNumber, passwordHash, consentedAt, noticeVersion, next);
		}
	}
}
