package tongban.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.notification.internal.SmsTexts;
import tongban.shared.ClusterSignals;
import tongban.shared.DataKeys;

/**
 * Tells people what happened: an in-app message (站内消息), an e-mail over SMTP when the person gave an address and a
 * mail server is configured ({@code TONGBAN_SMTP_HOST}), and an SMS through the pluggable {@link SmsSender}. The texts
 * are templates per event and channel with {@code {variables}}, kept in {@code notification_template}.
 *
 * <p>Text messages about one case are coalesced: the first waits {@code tongban.notification.sms-window} (default one
 * minute) and every later notice of the same case for the same person within that time is added to it, so accepting,
 * deciding, issuing a licence and inviting a rating of a case in one go send one SMS, not five.
 */
@Service
public class NotificationManagement {

	private static final Logger log = LoggerFactory.getLogger(NotificationManagement.class);
	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

	/** Whom to tell, and how to reach them (e-mail and mobile may be null). */
	public record Recipient(UUID accountId, String name, String mobile, String email) {
	}

	public record Message(long id, String event, String subject, String body, String link, OffsetDateTime createdAt,
			OffsetDateTime readAt) {
	}

	private record Template(String channel, String subject, String body) {
	}

	private final SmsSender sms;
	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mail;
	private final String from;

	private final TransactionTemplate tx;

	private final DataKeys keys;

	private final NotificationPreferences preferences;

	/** How long the first SMS about a case waits for more notices of the case to join it; zero sends each at once. */
	private final Duration smsWindow;

	NotificationManagement(SmsSender sms, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			PlatformTransactionManager transactions,
			@Value("${tongban.mail-from:通办 <noreply@tongban.local>}") String from, DataKeys keys,
			@Value("${tongban.notification.sms-window:60s}") Duration smsWindow, NotificationPreferences preferences,
			ClusterSignals signals) {
		this.signals = signals;
		signals.listen(TEMPLATES_CHANGED, payload -> templateCache.clear());
		this.preferences = preferences;
		if (smsWindow.isNegative() || smsWindow.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("tongban.notification.sms-window must be 0 to 10 minutes, not " + smsWindow);
		}
		this.smsWindow = smsWindow;
		this.keys = keys;
		this.tx = new TransactionTemplate(transactions);
		this.sms = sms;
		this.jdbc = jdbc;
		this.mail = mail;
		this.from = from;
	}

	public void sendSms(String mobile, String text) {
		sms.send(mobile, text);
	}

	/**
	 * The event's messages on every channel that has a template and a way to reach the person: the in-app message at
	 * once, e-mail and SMS queued in the caller's transaction and sent after it commits ({@link #deliver(int)}).
	 */
	public void notify(Recipient to, String event, Map<String, String> vars, String link) {
		notify(to, event, vars, link, null);
	}

	/**
	 * A message the government sends of its own accord, about a {@link Topic}: sent only on the channels the person's
	 * notification preferences allow for that topic (nothing at all when they opted out of it), with e-mail and SMS
	 * held until their quiet hours end.
	 */
	public void notifyOnTopic(Topic topic, Recipient to, String event, Map<String, String> vars, String link) {
		NotificationPreferences.Preferences chosen = to.accountId() == null ? NotificationPreferences.Preferences.DEFAULT
				: preferences.of(to.accountId());
		if (!chosen.wants(topic)) {
			return;
		}
		Recipient allowed = new Recipient(to.accountId(), to.name(), chosen.sms() ? to.mobile() : null, chosen.email() ? to.email() : null);
		send(allowed, event, vars, link, null, chosen.sendableFrom(Instant.now()));
	}

	/**
	 * As {@link #notify(Recipient, String, Map, String)}, about a case: its SMS joins one about the same case for the
	 * same person still waiting to be sent, or waits the coalescing window for others to join it.
	 */
	public void notify(Recipient to, String event, Map<String, String> vars, String link, UUID caseId) {
		send(to, event, vars, link, caseId, null);
	}

	/** The messages of an event; e-mail and SMS not sent before {@code notBefore} (null: at once). */
	private void send(Recipient to, String event, Map<String, String> vars, String link, UUID caseId, Instant notBefore) {
		List<Template> templates = templates(event);
		Map<String, String> all = new HashMap<>(vars);
		all.putIfAbsent("name", to.name());
		all.putIfAbsent("link", link == null ? "" : link);
		for (Template t : templates) {
			String subject = render(t.subject(), all);
			String body = render(t.body(), all);
			String address = switch (t.channel()) {
				case "EMAIL" -> to.email();
				case "SMS" -> to.mobile();
				default -> null;
			};
			if ("INAPP".equals(t.channel())) {
				jdbc.sql("insert into notification_message (account_id, event, subject, body, link) values (?, ?, ?, ?, ?)")
					.params(to.accountId(), event, subject, body, link)
					.update();
			}
			else if (address != null && !address.isBlank()) {
				boolean held = "SMS".equals(t.channel()) && caseId != null && to.accountId() != null && !smsWindow.isZero();
				if (!held || !joined(caseId, to.accountId(), body)) {
					jdbc.sql("insert into notification_delivery (channel, address, subject, body, case_id, account_id, next_attempt_at) "
							+ "values (?, ?, ?, ?, ?, ?, greatest(now() + make_interval(secs => ?), ?::timestamptz))")
						.params(t.channel(), keys.encrypt(address), subject, body, held ? caseId : null, held ? to.accountId() : null,
								held ? smsWindow.toMillis() / 1000.0 : 0.0, notBefore == null ? null : Timestamp.from(notBefore))
						.update();
				}
			}
		}
	}

	/**
	 * Adds an SMS to the one about the same case for the same person still waiting (never tried, not being sent right
	 * now: a row the sender holds is skipped). False when there is none, or the joined text would be too long.
	 */
	private boolean joined(UUID caseId, UUID accountId, String body) {
		Optional<Held> held = jdbc.sql("select id, body from notification_delivery where channel = 'SMS' and case_id = ? and account_id = ? "
				+ "and attempts = 0 order by id desc limit 1 for update skip locked")
			.params(caseId, accountId)
			.query(Held.class)
			.optional();
		String merged = held.map(h -> SmsTexts.merge(h.body(), body)).orElse(null);
		if (merged == null) {
			return false;
		}
		jdbc.sql("update notification_delivery set body = ? where id = ?").params(merged, held.get().id()).update();
		return true;
	}

	/** How often a queued message is tried before it is given up (and logged as failed). */
	static final int MAX_ATTEMPTS = 8;

	/**
	 * Sends up to {@code limit} queued messages whose time has come, in one transaction that takes them with
	 * {@code skip locked} (so several nodes can share the queue): the sent ones are removed together, a refused one is
	 * retried after 2, 4, 8 … minutes and given up after {@link #MAX_ATTEMPTS} tries (its failure stays in the e-mail
	 * log). Returns how many were handled.
	 */
	public int deliver(int limit) {
		Integer handled = tx.execute(s -> {
			List<Queued> due = jdbc.sql("""
					select id, channel, address, subject, body, attempts from notification_delivery
					where next_attempt_at <= now() order by id limit ? for update skip locked""")
				.param(limit)
				.query(Queued.class)
				.list()
				.stream()
				.map(q -> new Queued(q.id(), q.channel(), keys.decrypt(q.address()), q.subject(), q.body(), q.attempts()))
				.toList();
			List<Long> done = new ArrayList<>();
			for (Queued q : due) {
				String error = "SMS".equals(q.channel()) ? sms(q) : email(q.address(), q.subject(), q.body());
				if (error == null || q.attempts() + 1 >= MAX_ATTEMPTS) {
					done.add(q.id());
				}
				else {
					jdbc.sql("update notification_delivery set attempts = attempts + 1, last_error = ?, "
							+ "next_attempt_at = now() + make_interval(mins => ?) where id = ?")
						.params(error, 1 << (q.attempts() + 1), q.id())
						.update();
				}
			}
			if (!done.isEmpty()) {
				jdbc.sql("delete from notification_delivery where id = any(?)").param(done.toArray(Long[]::new)).update();
			}
			return due.size();
		});
		return handled == null ? 0 : handled;
	}

	private record Held(long id, String body) {
	}

	private record Queued(long id, String channel, String address, String subject, String body, int attempts) {
	}

	private String sms(Queued q) {
		try {
			sms.send(q.address(), q.body());
			return null;
		}
		catch (RuntimeException e) {
			log.warn("SMS refused: {}", e.getMessage());
			return e.getClass().getSimpleName();
		}
	}

	private final Map<String, List<Template>> templateCache = new ConcurrentHashMap<>();

	/** Signal that the notification templates changed. */
	private static final String TEMPLATES_CHANGED = "notification_templates";

	private final ClusterSignals signals;

	/** The templates of an event, read once (a change of the texts is picked up after {@link #reloadTemplates()}). */
	private List<Template> templates(String event) {
		return templateCache.computeIfAbsent(event, e -> jdbc.sql("select channel, subject, body from notification_template where event = ?")
			.param(e)
			.query(Template.class)
			.list());
	}

	/** Forgets the templates read, on every node (after the commit when inside a transaction). */
	public void reloadTemplates() {
		signals.send(TEMPLATES_CHANGED, "");
	}

	/** Sends one e-mail; null when sent (or when no mail server is configured: logged as such), else the error. */
	private String email(String address, String subject, String body) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			jdbc.sql("insert into notification_email_log (recipient, subject, status, detail) values (?, ?, 'NOT_CONFIGURED', null)")
				.params(address, subject)
				.update();
			return null;
		}
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(from);
		m.setTo(address);
		m.setSubject(subject);
		m.setText(body);
		try {
			sender.send(m);
			jdbc.sql("insert into notification_email_log (recipient, subject, status) values (?, ?, 'SENT')").params(address, subject).update();
			return null;
		}
		catch (MailException e) {
			log.warn("e-mail refused: {}", e.getMessage());
			jdbc.sql("insert into notification_email_log (recipient, subject, status, detail) values (?, ?, 'FAILED', ?)")
				.params(address, subject, e.getClass().getSimpleName())
				.update();
			return e.getClass().getSimpleName();
		}
	}

	/** Replaces {name} by the variable's value; unknown variables become empty. */
	static String render(String template, Map<String, String> vars) {
		Matcher m = VARIABLE.matcher(template);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(Optional.ofNullable(vars.get(m.group(1))).orElse("")));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** An account's in-app messages, newest first. */
	public List<Message> messages(UUID accountId, int limit) {
		return jdbc.sql("select id, event, subject, body, link, created_at, read_at from notification_message "
				+ "where account_id = ? order by id desc limit ?")
			.params(accountId, limit)
			.query(Message.class)
			.list();
	}

	/** One page of an account's in-app messages, newest first, with the total for the pagination. */
	public Page<Message> messages(UUID accountId, Pageable page) {
		List<Message> rows = jdbc.sql("select id, event, subject, body, link, created_at, read_at from notification_message "
				+ "where account_id = ? order by id desc limit ? offset ?")
			.params(accountId, page.getPageSize(), page.getOffset())
			.query(Message.class)
			.list();
		long total = jdbc.sql("select count(*) from notification_message where account_id = ?").param(accountId).query(Long.class).single();
		return new PageImpl<>(rows, page, total);
	}

	public long unread(UUID accountId) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and read_at is null")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	public void markRead(UUID accountId) {
		jdbc.sql("update notification_message set read_at = now() where account_id = ? and read_at is null").param(accountId).update();
	}

	/**
	 * Deletes an account's in-app messages, when the account is closed (个人信息保护法 Art. 47: no law asks the platform to
	 * keep them); answers how many went. What a case's or ticket's own record says stays with that record.
	 */
	public int forget(UUID accountId) {
		return jdbc.sql("delete from notification_message where account_id = ?").param(accountId).update();
	}

	/** The newest messages kept by the outbox sender (demo mode). */
	public List<OutboxMessage> outbox(int limit) {
		return jdbc.sql("select id, mobile_enc, text, created_at from notification_sms_outbox order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> new OutboxMessage(rs.getLong("id"), keys.decrypt(rs.getString("mobile_enc")), rs.getString("text"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	public record OutboxMessage(long id, String mobile, String text, OffsetDateTime createdAt) {
	}
}
