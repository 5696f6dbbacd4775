package tongban.hall.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.casework.CaseOutcome;
import tongban.casework.CaseSubmitted;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * 缴款: the payment order of a case, opened when the case is submitted (so the person can pay while it is examined,
 * and pays before the decision is issued), its amount chosen where the item names several, paid on the gateway's
 * signed callback, refunded or cancelled when the case ends without a grant.
 */
@Service("hallPaymentOrders")
@Transactional
public class PaymentOrders {

	/** Audit entries of payments: refused callbacks, choices, refunds. */
	public static final String AUDIT_KIND = "PAYMENT";

	static final String SELECT = """
			select id, notice_number, case_id, case_number, item_code, item_name, department_code, account_id, payer_name,
			  options::text as options, fee_label, amount_fen, status, gateway_trade_no, created_at, paid_at, refunded_at
			from hall_payment_order""";

	private static final TypeReference<List<FeeRules.Option>> OPTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final CatalogManagement catalog;
	private final DirectoryManagement directory;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final AuditTrail trail;
	private final PaymentGateway gateway;
	private final JsonMapper json;
	private final Clock clock;
	private final GuardedMoves<PaymentStatus> moves;

	PaymentOrders(JdbcClient jdbc, CatalogManagement catalog, DirectoryManagement directory, IdentityManagement identity,
			NotificationManagement notifications, AuditTrail trail, PaymentGateway gateway, JsonMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.directory = directory;
		this.identity = identity;
		this.notifications = notifications;
		this.trail = trail;
		this.gateway = gateway;
		this.json = json;
		this.clock = clock;
		this.moves = new GuardedMoves<>(jdbc, events, PaymentTransitions.GRAPH, "hall_payment_order");
	}

	/** Whether cases of this guide are charged through the platform: its department offers it and an amount is readable. */
	public static boolean chargedOnline(ServiceGuide guide) {
		return guide.onlinePayment() && FeeRules.readable(guide);
	}

	/**
	 * Opens the order of a submitted case whose item charges online; nothing for other items, and nothing new when the
	 * case has one (a delivery of the event again).
	 */
	public Optional<PaymentOrder> open(CaseSubmitted submitted) {
		Optional<PaymentOrder> existing = ofCase(submitted.caseId().value());
		if (existing.isPresent()) {
			return existing;
		}
		ServiceGuide guide = catalog.version(submitted.itemCode(), submitted.itemVersion()).orElse(null);
		if (guide == null || !chargedOnline(guide)) {
			return Optional.empty();
		}
		List<FeeRules.Option> options = FeeRules.options(guide);
		String region = directory.departmentByCode(submitted.departmentCode()).map(d -> d.regionCode()).filter(r -> r != null && r.matches("\\d{6}"))
			.orElse(directory.homeRegion());
		Instant now = clock.instant();
		long serial = jdbc.sql("select nextval('hall_payment_notice_seq')").query(Long.class).single();
		String notice = NoticeNumbers.of(region, LocalDate.ofInstant(now, Clocks.ZONE).getYear(), serial);
		String payer = submitted.applicantAccountId() == null ? null
				: identity.contact(submitted.applicantAccountId()).map(IdentityManagement.Contact::name).orElse(null);
		boolean single = options.size() == 1;
		int inserted = jdbc.sql("""
				insert into hall_payment_order (id, notice_number, case_id, case_number, item_code, item_name, department_code, account_id,
				  payer_name, options, fee_label, amount_fen, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (case_id) do nothing""")
			.params(UUID.randomUUID(), notice, submitted.caseId().value(), submitted.caseNumber(), submitted.itemCode(), guide.name(),
					submitted.departmentCode(), submitted.applicantAccountId(), payer, json.writeValueAsString(options),
					single ? options.getFirst().label() : null, single ? options.getFirst().fen() : null,
					(single ? PaymentStatus.UNPAID : PaymentStatus.AWAITING_CHOICE).name(), Timestamp.from(now))
			.update();
		PaymentOrder order = ofCase(submitted.caseId().value()).orElseThrow();
		if (inserted == 1) {
			tell(order, "HALL_PAYMENT_DUE");
		}
		return Optional.of(order);
	}

	/** The applicant or the clerk ({@code by}) chooses which of the order's amounts applies. */
	public PaymentOrder choose(UUID orderId, int option, String by) {
		PaymentOrder order = order(orderId).orElseThrow(() -> DomainException.notFound("payment order"));
		if (option < 0 || option >= order.options().size()) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-payment-option", "no such amount");
		}
		FeeRules.Option chosen = order.options().get(option);
		moves.move(order.id(), PaymentStatus.AWAITING_CHOICE, PaymentStatus.UNPAID,
				new PaymentEvents.AmountChosen(order.id(), order.noticeNumber(), chosen.fen()), PaymentTransitions.CONFLICT_CODE,
				"amount_fen = ?, fee_label = ?, chosen_by = ?", chosen.fen(), chosen.label(), by);
		trail.record(AUDIT_KIND, by, "payment:" + order.noticeNumber(), "AMOUNT_CHOSEN " + chosen.fen() + " " + chosen.label());
		return order(orderId).orElseThrow();
	}

	/** Why a callback was refused: the stable code of the problem the gateway is answered with. */
	public enum Refusal {
		MALFORMED("hall-payment-malformed"), SIGNATURE("hall-payment-signature"), REPLAYED("hall-payment-replayed"),
		UNKNOWN("hall-payment-unknown"), AMOUNT("hall-payment-amount"), STATE(PaymentTransitions.CONFLICT_CODE);

		private final String code;

		Refusal(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/**
	 * The gateway's callback: verified (well formed, signed, not a replay, a known order, the order's amount, an order
	 * still unpaid) and then the order is paid and the person told. A refused callback is recorded with its reason
	 * (the callback log and the audit trail) and changes nothing else; its refusal is returned, not thrown, so that the
	 * record is kept.
	 */
	public Optional<Refusal> settle(PaymentCallback callback) {
		boolean wellFormed = callback.notificationId() != null && callback.notificationId().matches("[A-Za-z0-9_-]{1,64}")
				&& NoticeNumbers.wellFormed(callback.noticeNumber()) && callback.amountFen() != null && callback.amountFen() > 0
				&& callback.tradeNo() != null && callback.tradeNo().matches("[A-Za-z0-9_-]{1,64}") && callback.paidAt() != null
				&& callback.paidAt().length() <= 40;
		if (!wellFormed) {
			return refuse(callback, Refusal.MALFORMED, false);
		}
		if (!gateway.verifies(callback)) {
			return refuse(callback, Refusal.SIGNATURE, true);
		}
		Optional<PaymentOrder> found = byNotice(callback.noticeNumber());
		if (found.isEmpty()) {
			return refuse(callback, Refusal.UNKNOWN, true);
		}
		PaymentOrder order = found.get();
		if (!callback.amountFen().equals(order.amountFen())) {
			return refuse(callback, Refusal.AMOUNT, true);
		}
		boolean seen = jdbc.sql("select count(*) from hall_payment_callback where notification_id = ? and accepted")
			.param(callback.notificationId())
			.query(Long.class)
			.single() > 0;
		if (seen) {
			return refuse(callback, Refusal.REPLAYED, true);
		}
		if (order.status() != PaymentStatus.UNPAID) {
			return refuse(callback, Refusal.STATE, true);
		}
		int fresh = jdbc.sql("""
				insert into hall_payment_callback (notification_id, notice_number, amount_fen, accepted, received_at)
				values (?, ?, ?, true, ?) on conflict (notification_id) where accepted do nothing""")
			.params(callback.notificationId(), callback.noticeNumber(), callback.amountFen(), Timestamp.from(clock.instant()))
			.update();
		if (fresh == 0) {
			return refuse(callback, Refusal.REPLAYED, true);
		}
		moves.move(order.id(), PaymentStatus.UNPAID, PaymentStatus.PAID,
				new PaymentEvents.OrderPaid(order.id(), order.noticeNumber(), order.caseId(), order.amountFen()), PaymentTransitions.CONFLICT_CODE,
				"paid_at = ?, gateway = ?, gateway_trade_no = ?", Timestamp.from(clock.instant()), gateway.name(), callback.tradeNo());
		trail.record(AUDIT_KIND, "gateway:" + gateway.name(), "payment:" + order.noticeNumber(),
				"PAID " + order.amountFen() + " notification " + callback.notificationId());
		tell(order, "HALL_PAYMENT_PAID");
		return Optional.empty();
	}

	private Optional<Refusal> refuse(PaymentCallback callback, Refusal reason, boolean wellFormed) {
		String notice = wellFormed ? callback.noticeNumber() : null;
		String id = wellFormed ? callback.notificationId() : null;
		jdbc.sql("""
				insert into hall_payment_callback (notification_id, notice_number, amount_fen, accepted, reason, received_at)
				values (?, ?, ?, false, ?, ?)""")
			.params(id, notice, wellFormed ? callback.amountFen() : null, reason.code(), Timestamp.from(clock.instant()))
			.update();
		trail.record(AUDIT_KIND, "gateway:" + gateway.name(), "payment:" + (notice == null ? "unreadable" : notice),
				"CALLBACK_REFUSED " + reason.code() + (id == null ? "" : " notification " + id));
		return Optional.of(reason);
	}

	/**
	 * The case ended: a grant leaves its (paid) order as it is; any other end refunds a paid order through the gateway
	 * and cancels one still due, and the person is told of a refund.
	 */
	public void caseEnded(UUID caseId, CaseOutcome outcome) {
		if (outcome == CaseOutcome.APPROVED) {
			return;
		}
		ofCase(caseId).ifPresent(order -> {
			if (order.status() == PaymentStatus.PAID) {
				String reference = gateway.refund(order);
				moves.move(order.id(), PaymentStatus.PAID, PaymentStatus.REFUNDED,
						new PaymentEvents.OrderRefunded(order.id(), order.noticeNumber(), caseId, order.amountFen()),
						PaymentTransitions.CONFLICT_CODE, "refunded_at = ?", Timestamp.from(clock.instant()));
				trail.record(AUDIT_KIND, "gateway:" + gateway.name(), "payment:" + order.noticeNumber(),
						"REFUNDED " + order.amountFen() + " on " + outcome + " reference " + reference);
				tell(order, "HALL_PAYMENT_REFUNDED");
			}
			else if (order.status().due()) {
				moves.move(order.id(), order.status(), PaymentStatus.CANCELLED,
						new PaymentEvents.OrderCancelled(order.id(), order.noticeNumber(), caseId), PaymentTransitions.CONFLICT_CODE,
						"cancelled_at = ?", Timestamp.from(clock.instant()));
			}
		});
	}

	@Transactional(readOnly = true)
	public Optional<PaymentOrder> order(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
	}

	@Transactional(readOnly = true)
	public Optional<PaymentOrder> byNotice(String noticeNumber) {
		if (!NoticeNumbers.wellFormed(noticeNumber)) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where notice_number = ?").param(noticeNumber).query(this::row).optional();
	}

	@Transactional(readOnly = true)
	public Optional<PaymentOrder> ofCase(UUID caseId) {
		return jdbc.sql(SELECT + " where case_id = ?").param(caseId).query(this::row).optional();
	}

	/** A person's orders, newest first. */
	@Transactional(readOnly = true)
	public List<PaymentOrder> ofAccount(UUID accountId) {
		return jdbc.sql(SELECT + " where account_id = ? order by created_at desc limit 200").param(accountId).query(this::row).list();
	}

	/** The orders of a department's cases, newest first. */
	@Transactional(readOnly = true)
	public List<PaymentOrder> ofDepartment(String departmentCode) {
		return jdbc.sql(SELECT + " where department_code = ? order by created_at desc limit 200").param(departmentCode).query(this::row).list();
	}

	/** The recorded callbacks of an order, newest first: for staff and tests. */
	@Transactional(readOnly = true)
	public List<String> refusals(String noticeNumber) {
		return jdbc.sql("select reason from hall_payment_callback where notice_number = ? and not accepted order by id desc")
			.param(noticeNumber)
			.query(String.class)
			.list();
	}

	private void tell(PaymentOrder order, String event) {
		if (order.accountId() == null) {
			return;
		}
		identity.contact(order.accountId()).ifPresent(c -> {
			Map<String, String> vars = new HashMap<>(Map.of("itemName", order.itemName(), "caseNumber", order.caseNumber(), "notice",
					order.noticeNumber(), "amount", order.amountFen() == null ? "（待选择金额）" : order.amountText()));
			notifications.notify(new NotificationManagement.Recipient(c.accountId(), c.name(), c.mobile(), c.email()), event, vars,
					"/account/payments/" + order.noticeNumber(), order.caseId());
		});
	}

	private PaymentOrder row(ResultSet rs, int n) throws SQLException {
		long amount = rs.getLong("amount_fen");
		Long amountFen = rs.wasNull() ? null : amount;
		return new PaymentOrder(rs.getObject("id", UUID.class), rs.getString("notice_number"), rs.getObject("case_id", UUID.class),
				rs.getString("case_number"), rs.getString("item_code"), rs.getString("item_name"), rs.getString("department_code"),
				rs.getObject("account_id", UUID.class), rs.getString("payer_name"), json.readValue(rs.getString("options"), OPTIONS),
				rs.getString("fee_label"), amountFen, PaymentStatus.valueOf(rs.getString("status")), rs.getString("gateway_trade_no"),
				instant(rs, "created_at"), instant(rs, "paid_at"), instant(rs, "refunded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
