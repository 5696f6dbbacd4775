package tongban.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * A person's choices about what the government sends of its own accord ({@link Topic}): whether text messages and
 * e-mails may be sent (in-app messages are always kept), quiet hours during which they are held (in Asia/Shanghai), and
 * the topics they want nothing about, on any channel. Notices about their own cases are owed to them and not affected.
 */
@Service
@Transactional
public class NotificationPreferences {

	/** One account's preferences; quiet hours may wrap midnight (21:00–08:00) and are both null when unset. */
	public record Preferences(boolean sms, boolean email, LocalTime quietFrom, LocalTime quietUntil, Set<Topic> optedOut) {

		public Preferences {
			optedOut = optedOut == null || optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
			if ((quietFrom == null) != (quietUntil == null) || quietFrom != null && quietFrom.equals(quietUntil)) {
				throw new DomainException(DomainException.Kind.INVALID, "notification-quiet-hours", "quiet hours need a start and a different end");
			}
		}

		/** What a person has before choosing: every channel, no quiet hours, every topic. */
		public static final Preferences DEFAULT = new Preferences(true, true, null, null, Set.of());

		public boolean wants(Topic topic) {
			return !optedOut.contains(topic);
		}

		/** Whether a moment falls in the quiet hours. */
		public boolean quietAt(LocalTime time) {
			if (quietFrom == null) {
				return false;
			}
			return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
					: !time.isBefore(quietFrom) || time.isBefore(quietUntil);
		}

		/**
		 * When a text message or e-mail queued at {@code now} may go: {@code now} outside the quiet hours, else the end of
		 * them (today's or tomorrow's {@code quietUntil}, Asia/Shanghai).
		 */
		public Instant sendableFrom(Instant now) {
			ZonedDateTime local = now.atZone(Clocks.ZONE);
			if (!quietAt(local.toLocalTime())) {
				return now;
			}
			LocalDate day = local.toLocalTime().isBefore(quietUntil) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
			return day.atTime(quietUntil).atZone(Clocks.ZONE).toInstant();
		}
	}

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Preferences of(UUID accountId) {
		Set<Topic> out = EnumSet.noneOf(Topic.class);
		jdbc.sql("select topic from notification_preference_topic where account_id = ?").param(accountId).query(String.class).list().forEach(t -> {
			try {
				out.add(Topic.valueOf(t));
			}
			catch (IllegalArgumentException e) {
				// a topic retired since: nothing to opt out of
			}
		});
		return jdbc.sql("select sms, email, quiet_from, quiet_until from notification_preference where account_id = ?")
			.param(accountId)
			.query((rs, n) -> new Preferences(rs.getBoolean("sms"), rs.getBoolean("email"), rs.getObject("quiet_from", LocalTime.class),
					rs.getObject("quiet_until", LocalTime.class), out))
			.optional()
			.orElse(new Preferences(true, true, null, null, out));
	}

	/** Replaces an account's preferences. */
	public void save(UUID accountId, Preferences preferences) {
		jdbc.sql("""
				insert into notification_preference (account_id, sms, email, quiet_from, quiet_until) values (?, ?, ?, ?, ?)
				on conflict (account_id) do update set sms = excluded.sms, email = excluded.email, quiet_from = excluded.quiet_from,
				  quiet_until = excluded.quiet_until, updated_at = now()""")
			.params(accountId, preferences.sms(), preferences.email(), preferences.quietFrom(), preferences.quietUntil())
			.update();
		jdbc.sql("delete from notification_preference_topic where account_id = ?").param(accountId).update();
		for (Topic topic : preferences.optedOut()) {
			jdbc.sql("insert into notification_preference_topic (account_id, topic) values (?, ?)").params(accountId, topic.name()).update();
		}
	}
}
