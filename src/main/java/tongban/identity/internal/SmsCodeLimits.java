package tongban.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import tongban.shared.Clocks;
import tongban.shared.AttemptLimits;

/**
 * How often the identity pages (registration, password reset) may send an SMS code, counted by the platform's
 * {@link AttemptLimits} like the 12345 pages: to one mobile at most one a minute and five an hour, so nobody can flood a
 * number; from one network address at most five in ten minutes, so the pages cannot send messages to many numbers.
 * All three are taken together or none (one transaction holding each key's lock).
 */
@Component
public class SmsCodeLimits {

	/** How long a person waits before asking for another code to the same number. */
	public static final Duration RESEND_AFTER = Duration.ofMinutes(1);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final AttemptLimits.Limit MOBILE_MINUTE = new AttemptLimits.Limit("identity-sms-mobile-minute", 1, RESEND_AFTER);
	private static final AttemptLimits.Limit MOBILE_HOUR = new AttemptLimits.Limit("identity-sms-mobile-hour", 5, Duration.ofHours(1));
	private static final AttemptLimits.Limit ADDRESS = new AttemptLimits.Limit("identity-sms-address", 5, Duration.ofMinutes(10));

	/** Why no code was sent: a message key (its argument is {@link #untilText()}) and when one may be asked for again. */
	public record Refusal(String messageKey, Instant until) {

		/** The time of day (China Standard Time) from which a new code may be requested. */
		public String untilText() {
			return TIME.format(LocalDateTime.ofInstant(until, Clocks.ZONE));
		}
	}

	private final AttemptLimits limits;

	SmsCodeLimits(AttemptLimits limits) {
		this.limits = limits;
	}

	/** Takes one code's allowance for this mobile from this address, or says why not and until when. */
	@Transactional
	public Optional<Refusal> acquire(String mobile, String address) {
		record Check(AttemptLimits.Limit limit, String key, String messageKey) {
		}
		for (Check check : List.of(new Check(MOBILE_MINUTE, mobile, "sms.limit.mobile"), new Check(MOBILE_HOUR, mobile, "sms.limit.mobile"),
				new Check(ADDRESS, address, "sms.limit.address"))) {
			Optional<Instant> until = limits.tryAcquire(check.limit(), check.key());
			if (until.isPresent()) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
				return Optional.of(new Refusal(check.messageKey(), until.get()));
			}
		}
		return Optional.empty();
	}

	/** Forgets an address's codes (an operator unblocking a service hall's network, and tests). */
	public void forgetAddress(String address) {
		limits.forget(ADDRESS, address);
	}
}
