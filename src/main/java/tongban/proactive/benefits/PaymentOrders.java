package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;
import tongban.identity.StaffMember;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;
import tongban.shared.Masking;

/**
 * Payment orders of granted decisions: written in the decision's transaction (amount, period, payee and bank account
 * encrypted), handed to the {@link Disbursement} after it commits, settled as paid or failed when the disbursement
 * answers (recorded by staff from its report, audited).
 */
@Service
public class PaymentOrders {

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final Disbursement disbursement;
	private final ApplicationEventPublisher events;
	private final GuardedMoves<PaymentStatus> moves;
	private final AuditTrail audit;
	private final TransactionTemplate tx;

	PaymentOrders(JdbcClient jdbc, DataKeys keys, Disbursement disbursement, ApplicationEventPublisher events, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.disbursement = disbursement;
		this.events = events;
		this.moves = new GuardedMoves<>(jdbc, events, PaymentStatus.GRAPH, "proactive_payment_order");
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Writes an order in the caller's transaction; it is handed over once that commits. */
	public UUID order(UUID decisionId, String departmentCode, String policyName, BigDecimal amount, String period, String payeeName,
			String bankAccount) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into proactive_payment_order (id, decision_id, department_code, policy_name, amount, period, payee_name, bank_account, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED')""")
			.params(id, decisionId, departmentCode, policyName, amount, period, keys.encrypt(payeeName), keys.encrypt(bankAccount))
			.update();
		events.publishEvent(new BenefitEvents.PaymentOrdered(id));
		return id;
	}

	/** The orders of a decision, newest first. */
	public List<PaymentOrder> ofDecision(UUID decisionId) {
		return jdbc.sql("select * from proactive_payment_order where decision_id = ? order by created_at desc").param(decisionId).query((rs, n) -> row(rs)).list();
	}

	/** The sum of a decision's orders that have not failed. */
	public BigDecimal orderedFor(UUID decisionId) {
		return jdbc.sql("select coalesce(sum(amount), 0) from proactive_payment_order where decision_id = ? and status <> 'FAILED'")
			.param(decisionId)
			.query(BigDecimal.class)
			.single();
	}

	/** A department's orders, newest first. */
	public List<PaymentOrder> ofDepartment(String departmentCode, int limit) {
		return jdbc.sql("select * from proactive_payment_order where department_code = ? order by created_at desc limit ?")
			.params(departmentCode, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Whether orders go to the demo disbursement (which pays nothing). */
	public boolean demo() {
		return disbursement.demo();
	}

	/**
	 * Hands one order to the disbursement, if it is still CREATED (a second call, or a sweep racing the first, does
	 * nothing): the row is held while the disbursement answers, then moved to HANDED_OVER or, if refused, FAILED.
	 */
	public void handOver(UUID orderId) {
		tx.executeWithoutResult(status -> {
			Optional<Disbursement.Instruction> held = jdbc.sql("""
					select id, decision_id, department_code, policy_name, amount, period, payee_name, bank_account from proactive_payment_order
					where id = ? and status = 'CREATED' for update skip locked""")
				.param(orderId)
				.query((rs, n) -> new Disbursement.Instruction(rs.getObject("id", UUID.class), rs.getString("department_code"),
						rs.getString("policy_name"), rs.getBigDecimal("amount"), rs.getString("period"), keys.decrypt(rs.getString("payee_name")),
						keys.decrypt(rs.getString("bank_account"))))
				.optional();
			if (held.isEmpty()) {
				return;
			}
			try {
				String reference = disbursement.handOver(held.get());
				moves.move(orderId, PaymentStatus.CREATED, PaymentStatus.HANDED_OVER, new BenefitEvents.PaymentHandedOver(orderId),
						"proactive-payment-moved", "disbursement = ?, handover_reference = ?, handed_over_at = now()", disbursement.name(),
						clip(reference, 100));
			}
			catch (Disbursement.Refused refused) {
				moves.move(orderId, PaymentStatus.CREATED, PaymentStatus.FAILED, new BenefitEvents.PaymentFailed(orderId), "proactive-payment-moved",
						"disbursement = ?, failure = ?, settled_at = now()", disbursement.name(), clip(refused.getMessage(), 300));
			}
		});
	}

	/** Hands over orders still CREATED a minute after they were written (the after-commit hand-over did not happen). */
	public int handOverLeftBehind(int limit) {
		List<UUID> left = jdbc.sql("select id from proactive_payment_order where status = 'CREATED' and created_at < now() - interval '1 minute' limit ?")
			.param(limit)
			.query(UUID.class)
			.list();
		left.forEach(this::handOver);
		return left.size();
	}

	/** Staff record the disbursement's answer for a handed-over order of their department: paid, or failed with why. */
	@Transactional
	public void settle(UUID orderId, boolean paid, String failure, StaffMember staff) {
		PaymentOrder order = jdbc.sql("select * from proactive_payment_order where id = ? and department_code = ?")
			.params(orderId, staff.departmentCode())
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("payment-order"));
		String why = failure == null ? "" : failure.strip();
		if (!paid && (why.isEmpty() || why.length() > 300)) {
			throw new DomainException(DomainException.Kind.INVALID, "failure", "a failed payment needs its reason");
		}
		if (paid) {
			moves.move(orderId, order.status(), PaymentStatus.PAID, new BenefitEvents.PaymentPaid(orderId), "proactive-payment-moved",
					"settled_at = now(), settled_by = ?", staff.name());
		}
		else {
			moves.move(orderId, order.status(), PaymentStatus.FAILED, new BenefitEvents.PaymentFailed(orderId), "proactive-payment-moved",
					"settled_at = now(), settled_by = ?, failure = ?", staff.name(), why);
		}
		audit.record("BENEFIT_PAYMENT", "staff:" + staff.id(), "payment-order:" + orderId, paid ? "recorded as paid" : "recorded as failed: " + why);
	}

	private static String clip(String text, int max) {
		String value = text == null ? "" : text;
		return value.length() > max ? value.substring(0, max) : value;
	}

	private PaymentOrder row(ResultSet rs) throws SQLException {
		return new PaymentOrder(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getString("department_code"),
				rs.getString("policy_name"), rs.getBigDecimal("amount"), rs.getString("period"), Masking.name(keys.decrypt(rs.getString("payee_name"))),
				BankAccounts.masked(keys.decrypt(rs.getString("bank_account"))), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("disbursement"), rs.getString("handover_reference"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("handed_over_at")), instant(rs.getTimestamp("settled_at")), rs.getString("failure"));
	}

	static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
