package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.Reader;
import tongban.exchange.RegisterRecord;
import tongban.exchange.RegisterScan;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.notification.Topic;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * The 免申即享 batch: walks every record of a policy's register through {@link RegisterScan} (purpose = the policy's
 * name, reference = the batch, so each person sees the read on 谁查询了我的数据), tests each with
 * {@link Conditions#matches}, and for the eligible writes a decision (policy version, the values used encrypted, the
 * amount, the period) and then a notice to confirm (CONFIRM) or a grant with its payment order (DIRECT). Ineligible
 * subjects leave only a count. A decision is unique per (policy, subject, period), so a batch run twice (or the monthly
 * pass after a "run now") decides nothing twice.
 */
@Service
public class BenefitBatch {

	/** The platform's own system reading for the department. */
	public static final String SYSTEM = "proactive-benefits";

	/** The platform's department, which reads a department's own register for it. */
	public static final String PLATFORM = "XH-ZWFW";

	private static final int FLUSH = 1000;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final RegisterScan scan;
	private final ResourceCatalogue catalogue;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final PaymentOrders payments;
	private final BankAccounts accounts;
	private final TransactionTemplate tx;
	private final GuardedMoves<DecisionStatus> moves;

	BenefitBatch(JdbcClient jdbc, JsonMapper json, DataKeys keys, RegisterScan scan, ResourceCatalogue catalogue, IdentityManagement identity,
			NotificationManagement notifications, PaymentOrders payments, BankAccounts accounts, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.scan = scan;
		this.catalogue = catalogue;
		this.identity = identity;
		this.notifications = notifications;
		this.payments = payments;
		this.accounts = accounts;
		this.tx = new TransactionTemplate(transactions);
		this.moves = new GuardedMoves<>(jdbc, events, DecisionStatus.GRAPH, "proactive_benefit_decision");
	}

	/** An eligible subject waiting to be written, with the payee's identifier in clear (for the notice only). */
	private record Pending(UUID id, String subjectIndex, String payeeId, String payeeIndex, String payeeName, String valuesUsed, BigDecimal amount) {
	}

	/**
	 * Runs the policy's batch for the period of {@code today}; refused (CONFLICT) while another run of the policy is
	 * under way. Not to be called inside a transaction. Answers the recorded run.
	 */
	public BatchRun run(BenefitPolicy policy, String startedBy, LocalDate today) {
		UUID batchId = UUID.randomUUID();
		String period = policy.period().periodOf(today);
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> {
			jdbc.sql("update proactive_benefit_batch set status = 'FAILED', problem = '运行中断' where policy_id = ? and status = 'RUNNING' "
					+ "and started_at < now() - interval '1 hour'").param(policy.id()).update();
			try {
				jdbc.sql("""
						insert into proactive_benefit_batch (id, policy_id, policy_version, department_code, period, started_by, status)
						values (?, ?, ?, ?, ?, ?, 'RUNNING')""")
					.params(batchId, policy.id(), policy.version(), policy.departmentCode(), period, startedBy)
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new DomainException(DomainException.Kind.CONFLICT, "proactive-benefit-batch-running", "a run of this policy is under way");
			}
		});
		long[] counts = new long[3];
		List<Pending> pending = new ArrayList<>(FLUSH);
		try {
			Set<String> fields = new LinkedHashSet<>();
			policy.conditions().forEach(c -> fields.add(c.field()));
			policy.amountRule().readsField().ifPresent(fields::add);
			fields.add(policy.payeeField());
			fields.add(policy.payeeNameField());
			Reader reader = readerFor(policy);
			counts[0] = scan.scan(reader, policy.resourceCode(), List.copyOf(fields), policy.name(), "免申即享批次 " + batchId, record -> {
				Optional<Pending> eligible = evaluate(policy, record, today);
				if (eligible.isPresent()) {
					counts[1]++;
					pending.add(eligible.get());
					if (pending.size() >= FLUSH) {
						counts[2] += flush(policy, batchId, period, today, pending);
					}
				}
			});
			counts[2] += flush(policy, batchId, period, today, pending);
			finish(batchId, "FINISHED", counts, started, null);
		}
		catch (RuntimeException e) {
			String code = e instanceof DomainException domain ? domain.code() : e.getClass().getSimpleName();
			finish(batchId, "FAILED", counts, started, code);
			throw e;
		}
		return run(batchId).orElseThrow();
	}

	/**
	 * Who reads the register: the policy's department under its grant; for a department's own register (which it cannot
	 * be granted), the platform (政务服务中心) under the grant the provider gave it for 免申即享.
	 */
	private Reader readerFor(BenefitPolicy policy) {
		boolean own = catalogue.resource(policy.resourceCode()).map(r -> r.providerDepartmentCode().equals(policy.departmentCode())).orElse(false);
		return new Reader(own ? PLATFORM : policy.departmentCode(), SYSTEM, null, null);
	}

	/** The decision a record earns, if the policy's conditions hold for it and its amount rule gives an amount. */
	private Optional<Pending> evaluate(BenefitPolicy policy, RegisterRecord record, LocalDate today) {
		Map<String, String> values = record.values();
		if (!Conditions.matches(policy.conditions(), policy.resourceCode(), values, today)) {
			return Optional.empty();
		}
		Optional<BigDecimal> amount = policy.amountRule().amountFor(values, today);
		String payeeId = values.getOrDefault(policy.payeeField(), "").strip().toUpperCase();
		if (amount.isEmpty() || payeeId.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> used = new LinkedHashMap<>();
		for (Condition condition : policy.conditions()) {
			used.put(condition.field(), values.getOrDefault(condition.field(), ""));
		}
		policy.amountRule().readsField().ifPresent(field -> used.put(field, values.getOrDefault(field, "")));
		String usedJson = json.writeValueAsString(Map.of(policy.resourceCode(), used));
		return Optional.of(new Pending(UUID.randomUUID(), record.subjectIndex(), payeeId, keys.blindIndex(payeeId),
				values.getOrDefault(policy.payeeNameField(), ""), usedJson, amount.get()));
	}

	/** Writes the waiting decisions in one transaction; new ones get their notice or payment order. Answers how many were new. */
	private long flush(BenefitPolicy policy, UUID batchId, String period, LocalDate today, List<Pending> pending) {
		if (pending.isEmpty()) {
			return 0;
		}
		List<Pending> rows = List.copyOf(pending);
		pending.clear();
		Integer written = tx.execute(status -> {
			DecisionStatus initial = policy.mode() == BenefitMode.DIRECT ? DecisionStatus.GRANTED : DecisionStatus.OFFERED;
			Set<UUID> inserted = new LinkedHashSet<>(jdbc.sql("""
					insert into proactive_benefit_decision (id, policy_id, policy_version, batch_id, subject_index, payee_index, payee_name, period,
					  decided_on, values_used, amount, status)
					select d.id::uuid, ?, ?, ?, d.subject_index, d.payee_index, d.payee_name, ?, ?, d.values_used, d.amount::numeric, ?
					from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
					  as d(id, subject_index, payee_index, payee_name, values_used, amount)
					on conflict (policy_id, subject_index, period) do nothing
					returning id""")
				.params(policy.id(), policy.version(), batchId, period, today, initial.name(), column(rows, p -> p.id().toString()),
						column(rows, Pending::subjectIndex), column(rows, Pending::payeeIndex), column(rows, p -> keys.encrypt(p.payeeName())),
						column(rows, p -> keys.encrypt(p.valuesUsed())), column(rows, p -> p.amount().toPlainString()))
				.query(UUID.class)
				.list());
			Set<String> confirmedBefore = policy.mode() == BenefitMode.CONFIRM && !inserted.isEmpty()
					? new HashSet<>(jdbc.sql("select distinct payee_index from proactive_benefit_decision where policy_id = ? and status = 'GRANTED' "
							+ "and payee_index = any(?::text[])").params(policy.id(), column(rows, Pending::payeeIndex)).query(String.class).list())
					: Set.of();
			for (Pending row : rows) {
				if (inserted.contains(row.id())) {
					afterDecision(policy, period, row, confirmedBefore.contains(row.payeeIndex()));
				}
			}
			return inserted.size();
		});
		return written == null ? 0 : written;
	}

	/**
	 * A new decision's follow-up: a DIRECT grant gets its payment order when the payee's account is on file; a CONFIRM
	 * offer to someone who confirmed this policy before (a later month of 高龄津贴) is granted at once to the account they
	 * gave, so a person confirms once, not every month; everyone else is asked to confirm.
	 */
	private void afterDecision(BenefitPolicy policy, String period, Pending row, boolean confirmedBefore) {
		boolean granted = policy.mode() == BenefitMode.DIRECT;
		Optional<String> account = granted || confirmedBefore ? accounts.of(row.payeeIndex()) : Optional.empty();
		if (!granted && account.isPresent()) {
			moves.move(row.id(), DecisionStatus.OFFERED, DecisionStatus.GRANTED, new BenefitEvents.BenefitConfirmed(row.id()),
					"proactive-benefit-decision-moved", "confirmed_at = now()");
			granted = true;
		}
		if (granted) {
			account.ifPresent(number -> payments.order(row.id(), policy.departmentCode(), policy.name(), row.amount(), period, row.payeeName(), number));
		}
		boolean grantedNow = granted;
		if (!"COMPANY".equals(policy.subjectKind())) {
			identity.citizenByIdNumber(row.payeeId()).flatMap(found -> identity.contact(found.id())).ifPresent(contact -> {
				String event = grantedNow ? "BENEFIT_GRANTED" : "BENEFIT_OFFERED";
				notifications.notifyOnTopic(Topic.BENEFIT,
						contact.recipient(), event,
						Map.of("benefit", policy.name(), "amount", row.amount().toPlainString(), "period",
								policy.period() == BenefitPeriod.MONTHLY ? "月" : "次"),
						"/account/benefits/" + row.id());
			});
		}
	}

	private static String[] column(List<Pending> rows, Function<Pending, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private void finish(UUID batchId, String status, long[] counts, long startedNanos, String problem) {
		jdbc.sql("""
				update proactive_benefit_batch set status = ?, finished_at = now(), read_count = ?, eligible = ?, granted = ?, duration_ms = ?, problem = ?
				where id = ?""")
			.params(status, counts[0], counts[1], counts[2], (System.nanoTime() - startedNanos) / 1_000_000, problem, batchId)
			.update();
	}

	/** One run, with its policy's name. */
	public Optional<BatchRun> run(UUID batchId) {
		return jdbc.sql(RUNS + " where b.id = ?").param(batchId).query((rs, n) -> runRow(rs)).optional();
	}

	/** A department's runs, newest first. */
	public List<BatchRun> runs(String departmentCode, int limit) {
		return jdbc.sql(RUNS + " where b.department_code = ? order by b.started_at desc limit ?")
			.params(departmentCode, limit)
			.query((rs, n) -> runRow(rs))
			.list();
	}

	private static final String RUNS = """
			select b.*, p.name as policy_name from proactive_benefit_batch b
			join proactive_benefit_policy p on p.id = b.policy_id and p.version = b.policy_version""";

	private static BatchRun runRow(ResultSet rs) throws SQLException {
		Long duration = rs.getObject("duration_ms") == null ? null : rs.getLong("duration_ms");
		return new BatchRun(rs.getObject("id", UUID.class), rs.getObject("policy_id", UUID.class), rs.getInt("policy_version"),
				rs.getString("policy_name"), rs.getString("period"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getString("status"), rs.getLong("read_count"), rs.getLong("eligible"), rs.getLong("granted"),
				duration, rs.getString("problem"));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
