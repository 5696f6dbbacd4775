package tongban.notification;

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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.notification.internal.DeliveryLedger;
import tongban.notification.internal.SmsTexts;
import tongban.notification.internal.UrgentHandOvers;
import tongban.shared.ClusterSignals;
import tongban.shared.DataKeys;

/**
 * Tells people what happened: an in-app message (站内消息), an e-mail over SMTP when the person gave an address and a
 * mail server is configured ({@code SPRING_MAIL_HOST}), and an SMS through the pluggable {@link SmsSender}. The texts
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

	/** A transaction of its own, for handing a message over after the one that queued it committed. */
	private final TransactionTemplate separately;

	private final DeliveryLedger ledger;

	private final DataKeys keys;

	private final NotificationPreferences preferences;

	/** How long the first SMS about a case waits for more notices of the case to join it; zero sends each at once. */
	private final Duration smsWindow;

	NotificationManagement(SmsSender sms, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			PlatformTransactionManager transactions,
			@Value("${tongban.mail-from:通办 <noreply@tongban.local>}") String from, DataKeys keys,
			@Value("${tongban.notification.sms-window:60s}") Duration smsWindow, NotificationPreferences preferences,
			ClusterSignals signals, DeliveryLedger ledger) {
		this.signals = signals;
		this.ledger = ledger;
		signals.listen(TEMPLATES_CHANGED, payload -> templateCache.clear());
		this.preferences = preferences;
		if (smsWindow.isNegative() || smsWindow.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("tongban.notification.sms-window must be 0 to 10 minutes, not " + smsWindow);
		}
		this.smsWindow = smsWindow;
		this.keys = keys;
		this.tx = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.sms = sms;
		this.jdbc = jdbc;
		this.mail = mail;
		this.from = from;
	}

	/**
	 * Sends one SMS not made from a template (a verification code, a 12345 receipt): queued in the caller's transaction
	 * and handed to the SMS centre once it commits, in this thread (the person is waiting for it): at the end of the
	 * request when there is one ({@code internal.UrgentHandOvers}), else right after the commit; when the SMS centre
	 * cannot take it now, the queue tries again. Call it inside the transaction whose commit it reports, not
	 * from an afterCommit callback (work done there joins the committed transaction: the hand-over would wait for the
	 * queue).
	 */
	public void sendSms(String mobile, String text) {
		sendSms(mobile, text, Regarding.NOTHING);
	}

	/** As {@link #sendSms(String, String)}, about a case or ticket or for an account, so its status is shown there. */
	public void sendSms(String mobile, String text, Regarding regarding) {
		// due for the queue only a little later: the hand-over below sends it, the queue only if that never happens
		long id = ledger.queue(new DeliveryLedger.Queued("SMS", mobile, "", text, null, regarding, null, URGENT_GRACE_SECONDS));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					if (!UrgentHandOvers.defer(id)) {
						handOverNow(id);
					}
				}
			});
		}
		else if (!UrgentHandOvers.defer(id)) {
			handOverNow(id);
		}
	}

	/** How long an SMS handed over by its sender's thread is left alone by the queue. */
	private static final double URGENT_GRACE_SECONDS = 10;

	/**
	 * Hands one queued message over now, if it still waits, in a transaction of its own (right after the commit that
	 * queued it, or at the end of the request that did: {@code internal.UrgentHandOvers}); left to the queue when that
	 * fails.
	 */
	public void handOverNow(long id) {
		if (!sms.configured()) {
			return;
		}
		try {
			separately.executeWithoutResult(status -> jdbc.sql(DUE + " where id = ? and status = 'CREATED' for update skip locked")
				.param(id)
				.query(Queued.class)
				.optional()
				.ifPresent(queued -> handOver(queued, true)));
		}
		catch (RuntimeException e) {
			log.warn("SMS {} left to the queue: {}", id, e.toString());
		}
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
					ledger.queue(new DeliveryLedger.Queued(t.channel(), address, subject, body, event, new Regarding(caseId, null, to.accountId()),
							notBefore, held ? smsWindow.toMillis() / 1000.0 : 0.0));
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
				+ "and status = 'CREATED' and attempts = 0 and next_attempt_at > now() order by id desc limit 1 for update skip locked")
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

	private static final String DUE = "select id, channel, address, subject, body, attempts from notification_delivery";

	/**
	 * Hands over up to {@code limit} queued messages whose time has come, in one transaction that takes them with
	 * {@code skip locked} (so several nodes can share the queue). Each moves along {@link DeliveryStatus#GRAPH}: to
	 * SENDING when the SMS centre took it and a receipt will follow, to SENT when none will, to FAILED when refused for
	 * good or after {@link #MAX_ATTEMPTS} tries; a refusal for now is tried again after 2, 4, 8 … minutes. Returns how
	 * many were handled.
	 */
	public int deliver(int limit) {
		Integer handled = tx.execute(s -> {
			// without an SMS centre on this node its text messages stay queued for one that has (or for when one is configured)
			List<Queued> due = jdbc.sql(DUE + " where status = 'CREATED' and next_attempt_at <= now() and (channel <> 'SMS' or ?) "
					+ "order by id limit ? for update skip locked")
				.params(sms.configured(), limit)
				.query(Queued.class)
				.list();
			due.forEach(queued -> handOver(queued, false));
			return due.size();
		});
		return handled == null ? 0 : handled;
	}

	/**
	 * Hands one message over and moves its status by the answer; {@code urgent} (in a person's request) an SMS whose
	 * turn under the centre's allowance has not come is left to the queue at once instead of waiting for it.
	 */
	private void handOver(Queued queued, boolean urgent) {
		String address = keys.decrypt(queued.address());
		Outcome outcome = "SMS".equals(queued.channel()) ? sms(address, queued.body(), urgent) : email(address, queued.subject(), queued.body());
		if (outcome == Outcome.QUEUED) {
			jdbc.sql("update notification_delivery set next_attempt_at = now() where id = ?").param(queued.id()).update();
		}
		else if (outcome.carrierRef() != null) {
			ledger.handedOver(queued.id(), outcome.carrierRef());
		}
		else if (outcome.retryAfter() != null) {
			ledger.postpone(queued.id(), outcome.retryAfter(), outcome.error());
		}
		else if (outcome.error() == null) {
			ledger.move(queued.id(), DeliveryStatus.CREATED, DeliveryStatus.SENT, outcome.detail());
		}
		else if (outcome.permanent() || queued.attempts() + 1 >= MAX_ATTEMPTS) {
			jdbc.sql("update notification_delivery set attempts = attempts + 1, last_error = ? where id = ?").params(outcome.error(), queued.id()).update();
			ledger.move(queued.id(), DeliveryStatus.CREATED, DeliveryStatus.FAILED, outcome.error());
		}
		else {
			jdbc.sql("update notification_delivery set attempts = attempts + 1, last_error = ?, "
					+ "next_attempt_at = now() + make_interval(mins => ?) where id = ?")
				.params(outcome.error(), 1 << (queued.attempts() + 1), queued.id())
				.update();
			ledger.move(queued.id(), DeliveryStatus.CREATED, DeliveryStatus.CREATED, outcome.error());
		}
	}

	/** How a hand-over went: the carrier's reference, or the error (permanent or not), or a note on a sent message. */
	private record Outcome(String carrierRef, String error, boolean permanent, String detail, Duration retryAfter) {

		static final Outcome SENT = new Outcome(null, null, false, null, null);

		/** Not handed over: its turn had not come; the queue sends it. */
		static final Outcome QUEUED = new Outcome(null, null, false, "queued", null);

		static Outcome refused(String error, boolean permanent) {
			return new Outcome(null, error, permanent, null, null);
		}
	}

	private record Held(long id, String body) {
	}

	private record Queued(long id, String channel, String address, String subject, String body, int attempts) {
	}

	private Outcome sms(String mobile, String text, boolean urgent) {
		try {
			SmsSender.Handover handover = urgent ? sms.sendIfFree(mobile, text) : sms.send(mobile, text);
			if (urgent && handover == null) {
				return Outcome.QUEUED;
			}
			return handover == null || handover.carrierRef() == null ? Outcome.SENT
					: new Outcome(handover.carrierRef(), null, false, null, null);
		}
		catch (SmsRefused e) {
			log.warn("SMS refused: {} {}", e.code(), e.getMessage());
			return new Outcome(null, e.code() + " " + e.getMessage(), e.permanent(), null, e.retryAfter());
		}
		catch (RuntimeException e) {
			log.warn("SMS refused: {}", e.getMessage());
			return Outcome.refused(e.getClass().getSimpleName(), false);
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

	/** Sends one e-mail; logged in the e-mail log whether sent, refused, or not sent for want of a mail server. */
	private Outcome email(String address, String subject, String body) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			jdbc.sql("insert into notification_email_log (recipient, subject, status, detail) values (?, ?, 'NOT_CONFIGURED', null)")
				.params(address, subject)
				.update();
			return Outcome.refused("未配置邮件服务器", true);
		}
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(from);
		m.setTo(address);
		m.setSubject(subject);
		m.setText(body);
		try {
			sender.send(m);
			jdbc.sql("insert into notification_email_log (recipient, subject, status) values (?, ?, 'SENT')").params(address, subject).update();
			return Outcome.SENT;
		}
		catch (MailException e) {
			log.warn("e-mail refused: {}", e.getMessage());
			jdbc.sql("insert into notification_email_log (recipient, subject, status, detail) values (?, ?, 'FAILED', ?)")
				.params(address, subject, e.getClass().getSimpleName())
				.update();
			return Outcome.refused(e.getClass().getSimpleName(), false);
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
		jdbc.sql("delete from notification_delivery where account_id = ?").param(accountId).update();
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
