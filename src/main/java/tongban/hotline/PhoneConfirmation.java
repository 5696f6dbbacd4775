package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.FieldProblem;
import tongban.shared.MobileNumber;

/**
 * An anonymous submitter's phone, confirmed by an SMS code: at most one code a minute per number, each code valid for
 * the configured time and refused after five wrong tries. Only a MAC of the code and a blind index of the phone are kept.
 * The same codes confirm a phone for the platform's other anonymous forms ({@link Purpose}): the purpose chooses the
 * text message, and a code sent for one purpose is never used up by another.
 */
@Service
public class PhoneConfirmation {

	/** What the code confirms the phone for; chooses the text of the SMS. */
	public enum Purpose {
		/** A 12345 ticket (the hotline's own form and Open311). */
		TICKET("【12345】您的诉求提交验证码为 %s，%d 分钟内有效。如非本人操作，请忽略。"),
		/** A comment on a 征求意见 consultation. */
		CONSULTATION("【通办】您正在参与意见征集，验证码为 %s，%d 分钟内有效。如非本人操作，请忽略。"),
		/** A letter to a 领导信箱 (a ticket of the mailbox channel). */
		MAILBOX("【通办】您正在给领导信箱写信，验证码为 %s，%d 分钟内有效。如非本人操作，请忽略。");

		private final String text;

		Purpose(String text) {
			this.text = text;
		}

		/** The MAC's prefix: a ticket's codes keep the one they always had. */
		String macPrefix() {
			return this == TICKET ? "hotline-code:" : "phone-code-" + name().toLowerCase(Locale.ROOT) + ":";
		}
	}

	static final int MAX_CODE_ATTEMPTS = 5;

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final HotlineSettings settings;
	private final NotificationManagement notifications;
	private final SecureRandom random = new SecureRandom();

	PhoneConfirmation(JdbcClient jdbc, DataKeys keys, HotlineSettings settings, NotificationManagement notifications) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.settings = settings;
		this.notifications = notifications;
	}

	/** Sends an SMS code that confirms an anonymous submitter's phone; refuses a resend within a minute. */
	@Transactional
	public Optional<FieldProblem> sendCode(String phone) {
		return sendCode(phone, Purpose.TICKET);
	}

	/** Sends an SMS code for {@code purpose}; refuses a resend to the same phone within a minute (whatever the purpose). */
	@Transactional
	public Optional<FieldProblem> sendCode(String phone, Purpose purpose) {
		String mobile = trim(phone);
		if (!MobileNumber.valid(mobile)) {
			return Optional.of(FieldProblem.of("phone", mobile.isEmpty() ? "hotline.error.phone.empty" : "hotline.error.phone.format"));
		}
		String index = keys.blindIndex(mobile);
		boolean recent = jdbc.sql("select count(*) from hotline_phone_code where phone_index = ? and created_at > now() - interval '60 seconds'")
			.param(index)
			.query(Long.class)
			.single() > 0;
		if (recent) {
			return Optional.of(FieldProblem.of("phone", "hotline.error.code.tooSoon"));
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("insert into hotline_phone_code (phone_index, code_mac, expires_at, purpose) values (?, ?, ?, ?)")
			.params(index, keys.mac(purpose.macPrefix() + mobile + ":" + code), OffsetDateTime.now(Clocks.ZONE).plus(settings.codeValidity()),
					purpose.name())
			.update();
		notifications.sendSms(mobile, purpose.text.formatted(code, settings.codeValidity().toMinutes()));
		return Optional.empty();
	}

	/** Uses the phone's latest code if {@code code} is it; a wrong code counts as an attempt. */
	Optional<FieldProblem> consume(String phone, String code) {
		return confirm(phone, code, Purpose.TICKET);
	}

	/**
	 * Uses the phone's latest code for {@code purpose} if {@code code} is it (field {@code phoneCode} otherwise); a wrong
	 * code counts as an attempt. Runs in the caller's transaction, so a submission that rolls back keeps the code unused.
	 */
	@Transactional
	public Optional<FieldProblem> confirm(String phone, String code, Purpose purpose) {
		String typed = trim(code);
		if (typed.isEmpty()) {
			return Optional.of(FieldProblem.of("phoneCode", "hotline.error.phone.unconfirmed"));
		}
		record Pending(long id, String mac, OffsetDateTime expiresAt, int attempts) {
		}
		Optional<Pending> pending = jdbc.sql("""
				select id, code_mac, expires_at, attempts from hotline_phone_code
				where phone_index = ? and purpose = ? and used_at is null order by created_at desc limit 1 for update""")
			.params(keys.blindIndex(phone), purpose.name())
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4)))
			.optional();
		if (pending.isEmpty()) {
			return Optional.of(FieldProblem.of("phoneCode", "hotline.error.phone.unconfirmed"));
		}
		Pending p = pending.get();
		if (p.attempts() >= MAX_CODE_ATTEMPTS) {
			return Optional.of(FieldProblem.of("phoneCode", "hotline.error.code.tooMany"));
		}
		if (p.expiresAt().isBefore(OffsetDateTime.now(Clocks.ZONE))) {
			return Optional.of(FieldProblem.of("phoneCode", "hotline.error.code.expired"));
		}
		if (!typed.matches("\\d{6}") || !MessageDigest.isEqual(p.mac().getBytes(StandardCharsets.UTF_8),
				keys.mac(purpose.macPrefix() + phone + ":" + typed).getBytes(StandardCharsets.UTF_8))) {
			jdbc.sql("update hotline_phone_code set attempts = attempts + 1 where id = ?").param(p.id()).update();
			return Optional.of(FieldProblem.of("phoneCode", "hotline.error.code.wrong"));
		}
		jdbc.sql("update hotline_phone_code set used_at = now() where id = ?").param(p.id()).update();
		return Optional.empty();
	}
}
