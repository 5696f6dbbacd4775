package tongban.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Tells people what happened: an in-app message (站内消息), an e-mail over SMTP when the person gave an address and a
 * mail server is configured ({@code TONGBAN_SMTP_HOST}), and an SMS through the pluggable {@link SmsSender}. The texts
 * are templates per event and channel with {@code {variables}}, kept in {@code notification_template}.
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

	private final org.springframework.transaction.support.TransactionTemplate tx;

	private final tongban.shared.DataKeys keys;

	NotificationManagement(SmsSender sms, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			org.springframework.transaction.PlatformTransactionManager transactions,
			@Value("${tongban.mail-from:通办 <noreply@tongban.local>}") String from, tongban.shared.DataKeys keys) {
		this.keys = keys;
		this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
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
		List<Template> templates = templates(event);
		Map<String, String> all = new java.util.HashMap<>(vars);
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
				jdbc.sql("insert into notification_delivery (channel, address, subject, body) values (?, ?, ?, ?)")
					.params(t.channel(), keys.encrypt(address), subject, body)
					.update();
			}
		}
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

	private final java.util.Map<String, List<Template>> templateCache = new java.util.concurrent.ConcurrentHashMap<>();

	/** The templates of an event, read once (a change of the texts is picked up after {@link #reloadTemplates()}). */
	private List<Template> templates(String event) {
		return templateCache.computeIfAbsent(event, e -> jdbc.sql("select channel, subject, body from notification_template where event = ?")
			.param(e)
			.query(Template.class)
			.list());
	}

	public void reloadTemplates() {
		templateCache.clear();
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

	public long unread(UUID accountId) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and read_at is null")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	public void markRead(UUID accountId) {
		jdbc.sql("update notification_message set read_at = now() where account_id = ? and read_at is null").param(accountId).update();
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
