package tongban.identity.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import tongban.notification.NotificationManagement;
import tongban.shared.TongbanProperties;

/**
 * Sends and checks the SMS codes of registration and password reset, within {@link SmsCodeLimits}. A code is valid
 * for {@code tongban.otp-validity}, allows {@link SmsChallenge#MAX_ATTEMPTS} wrong tries, and is used once (the caller
 * drops the challenge when it passes).
 */
@Component
public class SmsChallenges {

	private final NotificationManagement notifications;
	private final PasswordEncoder encoder;
	private final TongbanProperties properties;
	private final SmsCodeLimits limits;
	private final SecureRandom random = new SecureRandom();

	SmsChallenges(NotificationManagement notifications, PasswordEncoder encoder, TongbanProperties properties, SmsCodeLimits limits) {
		this.notifications = notifications;
		this.encoder = encoder;
		this.properties = properties;
		this.limits = limits;
	}

	/** A code sent, or why none was. */
	public record Sent(SmsChallenge challenge, SmsCodeLimits.Refusal refusal) {

		public boolean ok() {
			return refusal == null;
		}
	}

	/** Sends a new code for {@code purpose} (e.g. 注册) to the mobile, unless a limit for the mobile or the address says no. */
	public Sent send(String mobile, String address, String purpose) {
		Optional<SmsCodeLimits.Refusal> refused = limits.acquire(mobile, address);
		if (refused.isPresent()) {
			return new Sent(null, refused.get());
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		notifications.sendSms(mobile, "【通办】您的" + purpose + "验证码为 " + code + "，" + properties.otpValidity().toMinutes()
				+ " 分钟内有效。如非本人操作，请忽略。");
		return new Sent(challenge(mobile, code), null);
	}

	/**
	 * Counts a code within the limits as {@link #send} does but sends nothing: a password reset for a number without an
	 * account answers exactly as for one with an account, and no code can pass.
	 */
	public Sent withhold(String mobile, String address) {
		Optional<SmsCodeLimits.Refusal> refused = limits.acquire(mobile, address);
		if (refused.isPresent()) {
			return new Sent(null, refused.get());
		}
		// as long as hashing a sent code takes, so that the answer's timing says nothing either
		SmsChallenge unusable = challenge(mobile, String.format("%06d", random.nextInt(1_000_000)));
		return new Sent(new SmsChallenge(mobile, null, unusable.expiresAt(), 0, unusable.resendAt()), null);
	}

	public SmsChallenge.Check check(SmsChallenge challenge, String code) {
		if (challenge.attempts() >= SmsChallenge.MAX_ATTEMPTS) {
			return SmsChallenge.Check.TOO_MANY;
		}
		if (Instant.now().isAfter(challenge.expiresAt())) {
			return SmsChallenge.Check.EXPIRED;
		}
		return code != null && code.strip().matches("\\d{6}") && challenge.codeHash() != null
				&& encoder.matches(code.strip(), challenge.codeHash()) ? SmsChallenge.Check.OK : SmsChallenge.Check.WRONG;
	}

	private SmsChallenge challenge(String mobile, String code) {
		Instant now = Instant.now();
		return new SmsChallenge(mobile, code == null ? null : encoder.encode(code), now.plus(properties.otpValidity()), 0,
				now.plus(SmsCodeLimits.RESEND_AFTER));
	}
}
