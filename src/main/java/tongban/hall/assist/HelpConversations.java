package tongban.hall.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.AssistedDrafts;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.catalog.CatalogManagement;
import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.Actor;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.GuardedMoves;

/**
 * 线上帮办: a signed-in person asks for help about an item (and one of their drafts); staff on duty (a counter clerk
 * with a window) see the open conversations, take one and answer it. With the person's consent for the draft (who,
 * when, which case, withdrawable) the helper reads the draft and fills it in with them through casework's
 * {@link AssistedDrafts}. A conversation is the asker's and its helper's only: anyone else gets "not found".
 */
@Service
@Transactional
public class HelpConversations {

	/** One conversation; {@code pointId} is the point of the helper's window when taken. */
	public record Conversation(UUID id, UUID accountId, String accountName, String itemCode, UUID caseId, HelpStatus status,
			UUID helperAccountId, String helperName, UUID pointId, Instant createdAt, Instant takenAt, Instant answeredAt,
			Instant closedAt) {

		public boolean closed() {
			return status == HelpStatus.CLOSED;
		}
	}

	/** One message: {@code author} is CITIZEN or STAFF. */
	public record Message(long id, String author, String authorName, String body, Instant at) {

		public boolean fromStaff() {
			return "STAFF".equals(author);
		}
	}

	/** The person's consent to let the helper see and fill in one draft. */
	public record Consent(UUID id, UUID caseId, Instant givenAt, Instant withdrawnAt) {

		public boolean active() {
			return withdrawnAt == null;
		}
	}

	static final String AUDIT = "HALL_ASSIST";

	private static final String SELECT = """
			select id, account_id, account_name, item_code, case_id, status, helper_account_id, helper_name, point_id, created_at,
			  taken_at, answered_at, closed_at from hall_assist_conversation""";

	private final JdbcClient jdbc;
	private final GuardedMoves<HelpStatus> moves;
	private final Clock clock;
	private final CatalogManagement catalog;
	private final AssistedDrafts drafts;
	private final WindowStaff windowStaff;
	private final ServicePoints points;
	private final AuditTrail audit;
	private final NotificationManagement notifications;

	HelpConversations(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, CatalogManagement catalog, AssistedDrafts drafts,
			WindowStaff windowStaff, ServicePoints points, AuditTrail audit, NotificationManagement notifications) {
		this.jdbc = jdbc;
		this.moves = new GuardedMoves<>(jdbc, events, HelpStatus.GRAPH, "hall_assist_conversation");
		this.clock = clock;
		this.catalog = catalog;
		this.drafts = drafts;
		this.windowStaff = windowStaff;
		this.points = points;
		this.audit = audit;
		this.notifications = notifications;
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	/**
	 * A new conversation of the person (acting for themself) about an item and, when given, one of their own drafts,
	 * with their first message. Refused: an unknown item or a case that is not a draft of theirs (not found), a message
	 * empty, too long or with control characters ({@code hall-assist-text}).
	 */
	public UUID open(Actor asker, String itemCode, UUID caseId, String text) {
		requireText(text);
		if (itemCode != null && !itemCode.isBlank() && catalog.published(itemCode).isEmpty()) {
			throw DomainException.notFound("item");
		}
		if (caseId != null && drafts.status(asker.accountId(), asker.party().name(), new CaseId(caseId)) != CaseStatus.DRAFT) {
			throw DomainException.notFound("case");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into hall_assist_conversation (id, account_id, account_name, item_code, case_id, status, created_at)
				values (?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(id, asker.accountId(), asker.accountName(), itemCode == null || itemCode.isBlank() ? null : itemCode, caseId, now())
			.update();
		insertMessage(id, "CITIZEN", asker.accountName(), text);
		return id;
	}

	private static void requireText(String text) {
		AssistText.problem(text, AssistText.MESSAGE_MAX).ifPresent(key -> {
			throw new DomainException(DomainException.Kind.INVALID, "hall-assist-text", key);
		});
	}

	private void insertMessage(UUID conversationId, String author, String name, String text) {
		jdbc.sql("insert into hall_assist_message (conversation_id, author, author_name, body, at) values (?, ?, ?, ?, ?)")
			.params(conversationId, author, name, text.strip(), now())
			.update();
	}

	private Optional<Conversation> find(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Conversation.class).optional();
	}

	/** One of the person's own conversations; anyone else's is not found. */
	@Transactional(readOnly = true)
	public Conversation ofCitizen(UUID accountId, UUID id) {
		return find(id).filter(c -> c.accountId().equals(accountId)).orElseThrow(() -> DomainException.notFound("conversation"));
	}

	/** The person's conversations, newest first. */
	@Transactional(readOnly = true)
	public List<Conversation> ofAccount(UUID accountId) {
		return jdbc.sql(SELECT + " where account_id = ? order by created_at desc").param(accountId).query(Conversation.class).list();
	}

	/** The messages of a conversation after the message {@code afterId} (0: all), oldest first. */
	@Transactional(readOnly = true)
	public List<Message> messages(UUID conversationId, long afterId) {
		return jdbc.sql("select id, author, author_name, body, at from hall_assist_message where conversation_id = ? and id > ? order by id")
			.params(conversationId, afterId)
			.query(Message.class)
			.list();
	}

	/** The person writes in their open conversation. */
	public void say(UUID accountId, UUID id, String text) {
		Conversation c = ofCitizen(accountId, id);
		requireText(text);
		requireNotClosed(c);
		insertMessage(id, "CITIZEN", c.accountName(), text);
	}

	private static void requireNotClosed(Conversation c) {
		if (c.closed()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-help-closed", "the conversation is closed");
		}
	}

	/** The person ends their conversation. */
	public void closeByCitizen(UUID accountId, UUID id) {
		Conversation c = ofCitizen(accountId, id);
		moves.move(id, c.status(), HelpStatus.CLOSED, new AssistEvents.HelpClosed(id), "hall-help-moved", "closed_at = ?", now());
	}

	/** The person lets the helper see and fill in the conversation's draft; recorded with the time. */
	public void giveConsent(UUID accountId, UUID id) {
		Conversation c = ofCitizen(accountId, id);
		requireNotClosed(c);
		if (c.caseId() == null) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-help-no-draft", "the conversation has no draft");
		}
		if (consent(id).filter(Consent::active).isPresent()) {
			return;
		}
		jdbc.sql("insert into hall_assist_consent (id, conversation_id, case_id, account_id, given_at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), id, c.caseId(), accountId, now())
			.update();
	}

	/** The person withdraws their consent: the helper no longer sees the draft. */
	public void withdrawConsent(UUID accountId, UUID id) {
		ofCitizen(accountId, id);
		jdbc.sql("update hall_assist_consent set withdrawn_at = ? where conversation_id = ? and withdrawn_at is null").params(now(), id).update();
	}

	/** The newest consent of the conversation (active or withdrawn). */
	@Transactional(readOnly = true)
	public Optional<Consent> consent(UUID conversationId) {
		return jdbc.sql("select id, case_id, given_at, withdrawn_at from hall_assist_consent where conversation_id = ? order by given_at desc limit 1")
			.param(conversationId)
			.query(Consent.class)
			.optional();
	}

	// ---- staff on duty

	/** Whether the staff member is on duty for online help: a counter clerk assigned to a window. */
	@Transactional(readOnly = true)
	public boolean onDuty(StaffMember staff) {
		return !windowStaff.windowsOf(staff.id()).isEmpty();
	}

	private void requireOnDuty(StaffMember staff) {
		if (!onDuty(staff)) {
			throw DomainException.notFound("conversation");
		}
	}

	/** Conversations waiting for a helper, oldest first. */
	@Transactional(readOnly = true)
	public List<Conversation> waiting(StaffMember staff) {
		requireOnDuty(staff);
		return jdbc.sql(SELECT + " where status = 'OPEN' order by created_at").query(Conversation.class).list();
	}

	/** The helper's own conversations not closed, newest first. */
	@Transactional(readOnly = true)
	public List<Conversation> takenBy(StaffMember staff) {
		return jdbc.sql(SELECT + " where helper_account_id = ? and status = 'TAKEN' order by taken_at desc")
			.param(staff.id())
			.query(Conversation.class)
			.list();
	}

	/** A conversation as staff on duty may see it: an open one, or one they took; anything else is not found. */
	@Transactional(readOnly = true)
	public Conversation forStaff(StaffMember staff, UUID id) {
		requireOnDuty(staff);
		return find(id).filter(c -> c.status() == HelpStatus.OPEN || staff.id().equals(c.helperAccountId()))
			.orElseThrow(() -> DomainException.notFound("conversation"));
	}

	private Conversation takenByMe(StaffMember staff, UUID id) {
		Conversation c = forStaff(staff, id);
		if (c.status() != HelpStatus.TAKEN || !staff.id().equals(c.helperAccountId())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-help-not-taken", "take the conversation first");
		}
		return c;
	}

	/** The helper takes an open conversation; a conversation someone took first is a conflict. */
	public void take(StaffMember staff, UUID id) {
		Conversation c = forStaff(staff, id);
		UUID window = windowStaff.windowsOf(staff.id()).getFirst();
		UUID point = points.window(window).map(ServicePoints.PointWindow::pointId).orElse(null);
		moves.move(id, c.status(), HelpStatus.TAKEN, new AssistEvents.HelpTaken(id, staff.id()), "hall-help-moved",
				"helper_account_id = ?, helper_name = ?, point_id = ?, taken_at = ?", staff.id(), staff.name(), point, now());
		audit.record(AUDIT, "staff:" + staff.id(), "help:" + id, "接手在线帮办");
	}

	/** The helper answers; the person gets an in-app message. */
	public void answer(StaffMember staff, UUID id, String text) {
		Conversation c = takenByMe(staff, id);
		requireText(text);
		insertMessage(id, "STAFF", staff.name(), text);
		jdbc.sql("update hall_assist_conversation set answered_at = coalesce(answered_at, ?) where id = ?").params(now(), id).update();
		audit.record(AUDIT, "staff:" + staff.id(), "help:" + id, "回复在线帮办");
		String excerpt = text.strip().length() > 40 ? text.strip().substring(0, 40) + "…" : text.strip();
		notifications.notify(new NotificationManagement.Recipient(c.accountId(), c.accountName(), null, null), "HALL_HELP_ANSWERED",
				Map.of("staff", staff.name(), "excerpt", excerpt), "/account/help/" + id);
	}

	/** The helper closes the conversation. */
	public void closeByStaff(StaffMember staff, UUID id) {
		takenByMe(staff, id);
		moves.move(id, HelpStatus.TAKEN, HelpStatus.CLOSED, new AssistEvents.HelpClosed(id), "hall-help-moved", "closed_at = ?", now());
		audit.record(AUDIT, "staff:" + staff.id(), "help:" + id, "结束在线帮办");
	}

	private UUID consentedCase(Conversation c) {
		return consent(c.id()).filter(Consent::active).map(Consent::caseId)
			.orElseThrow(() -> DomainException.notFound("draft"));
	}

	/** The consented draft for its helper; not found without an active consent. */
	public AssistedDrafts.AssistedDraft draft(StaffMember staff, UUID id) {
		Conversation c = takenByMe(staff, id);
		return drafts.view(c.accountId(), c.accountName(), new CaseId(consentedCase(c)), staff.id(), staff.name());
	}

	/** The helper fills in fields of the consented draft with the person; the problems the form still has. */
	public List<FieldProblem> fill(StaffMember staff, UUID id, Map<String, Object> values) {
		Conversation c = takenByMe(staff, id);
		UUID caseId = consentedCase(c);
		audit.record(AUDIT, "staff:" + staff.id(), "help:" + id, "代为填写申请 case:" + caseId);
		return drafts.fill(c.accountId(), c.accountName(), new CaseId(caseId), staff.id(), staff.name(), values, Map.of());
	}
}
