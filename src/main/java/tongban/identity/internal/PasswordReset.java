package tongban.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.web.ResetForm;
import tongban.shared.DataKeys;

/**
 * 忘记密码 for citizens: a code by SMS to the account's mobile (the same limits as registration), then a new password
 * under the registration's rules. The answers never say whether the number has an account: for a number without one
 * no message is sent, the page is the same, and no code can pass. The code is used once and expires with
 * {@code tongban.otp-validity}. A reset ends every session of the account, lifts a lock (the person proved they hold
 * the phone) and is recorded in the sign-in log.
 */
@Service
public class PasswordReset {

	private static final String PURPOSE = "重置密码";

	private final AccountRepository accounts;
	private final DataKeys keys;
	private final SmsChallenges codes;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final SignInService signIns;
	private final SignedInSessions sessions;

	PasswordReset(AccountRepository accounts, DataKeys keys, SmsChallenges codes, PasswordPolicy policy,
			PasswordEncoder encoder, SignInService signIns, SignedInSessions sessions) {
		this.accounts = accounts;
		this.keys = keys;
		this.codes = codes;
		this.policy = policy;
		this.encoder = encoder;
		this.signIns = signIns;
		this.sessions = sessions;
	}

	/** Sends the code if the number belongs to a citizen's account; answers alike either way. */
	public SmsChallenges.Sent start(String mobile, String address) {
		return citizen(mobile).isPresent() ? codes.send(mobile, address, PURPOSE) : codes.withhold(mobile, address);
	}

	public SmsChallenges.Sent resend(SmsChallenge challenge, String address) {
		return start(challenge.mobile(), address);
	}

	public SmsChallenge.Check check(SmsChallenge challenge, String code) {
		return codes.check(challenge, code);
	}

	/** Field errors of the new password: the registration's rules, against the account's own ID number and mobile. */
	public void validate(SmsChallenge challenge, ResetForm form, Errors errors) {
		String idNumber = citizen(challenge.mobile()).map(Account::idNumber).orElse(null);
		policy.check(form.password(), idNumber, challenge.mobile())
			.ifPresent(code -> errors.rejectValue("password", code, new Object[] { PasswordPolicy.MIN }, null));
		if (form.password() != null && !form.password().isEmpty() && !form.password().equals(form.passwordConfirm())) {
			errors.rejectValue("passwordConfirm", "password.error.mismatch");
		}
	}

	/** Sets the new password once the code passed; every session of the account signed in before now ends. */
	@Transactional
	public void complete(SmsChallenge challenge, String password, String address) {
		Account account = citizen(challenge.mobile()).orElseThrow();
		account.changePassword(encoder.encode(password));
		account.recordSuccess();
		accounts.save(account);
		sessions.endAll(account.id(), Instant.now());
		signIns.record(account.id(), SignInService.Outcome.PASSWORD_RESET, address);
	}

	private Optional<Account> citizen(String mobile) {
		return accounts.findByMobileIndex(keys.blindIndex(mobile)).filter(a -> !a.isStaff());
	}
}
