package tongban.insight.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.CaseFacts;
import tongban.exchange.ReadCounts;
import tongban.feedback.RatingFacts;
import tongban.hotline.TicketFacts;
import tongban.insight.indicators.CountedFacts.Source;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * Rebuilds the daily counters of a period from the owning modules' records (ADR 0023): streams every case, ticket,
 * rating and day's reads of the period through the modules' APIs, stores each fact's figures in batches of
 * {@value #BATCH} (one transaction each), then recomputes the period's daily counters as the sums of the counted facts'
 * figures in one short locked transaction. Events arriving meanwhile are counted as usual and never lost: a fact a
 * listener counted after the run began is kept as the listener counted it. Run by {@code bin/insight-backfill}, the
 * console ({@code /console/insight}) and the demo-history loader after an import.
 */
@Service
public class IndicatorBackfill {

	/** Facts written per transaction. */
	static final int BATCH = 1000;

	/** The longest period rebuilt at once. */
	public static final int MAX_DAYS = 3 * 366;

	private static final Logger LOG = LoggerFactory.getLogger(IndicatorBackfill.class);

	private final CaseFacts cases;
	private final TicketFacts tickets;
	private final RatingFacts ratings;
	private final ReadCounts reads;
	private final IndicatorCounting counting;
	private final CountedFacts counted;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final TaskExecutor executor;

	IndicatorBackfill(CaseFacts cases, TicketFacts tickets, RatingFacts ratings, ReadCounts reads, IndicatorCounting counting,
			CountedFacts counted, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.cases = cases;
		this.tickets = tickets;
		this.ratings = ratings;
		this.reads = reads;
		this.counting = counting;
		this.counted = counted;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
	}

	/** Rebuilds the days {@code from}..{@code to} (Asia/Shanghai) and returns when done (the demo loader's call). */
	public BackfillRun rebuild(LocalDate from, LocalDate to) {
		return rebuild(from, to, "system");
	}

	/** As {@link #rebuild(LocalDate, LocalDate)}, recorded as started by {@code startedBy}. */
	public BackfillRun rebuild(LocalDate from, LocalDate to, String startedBy) {
		return run(begin(from, to, startedBy));
	}

	/** Starts a rebuild in the background (the console's button) and returns its run, still {@code RUNNING}. */
	public BackfillRun start(LocalDate from, LocalDate to, String startedBy) {
		BackfillRun run = begin(from, to, startedBy);
		executor.execute(() -> run(run));
		return run;
	}

	/** The latest run, if any. */
	public Optional<BackfillRun> lastRun() {
		return jdbc.sql("select * from insight_backfill_run order by started_at desc limit 1")
			.query((rs, row) -> new BackfillRun(rs.getObject("id", UUID.class), rs.getObject("from_day", LocalDate.class),
					rs.getObject("to_day", LocalDate.class), rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
					rs.getObject("finished_at", OffsetDateTime.class), BackfillRun.Status.valueOf(rs.getString("status")), rs.getLong("facts"),
					rs.getLong("rows"), rs.getString("error")))
			.optional();
	}

	/** Checks the period and records the run; a second run while one is under way is refused. */
	private BackfillRun begin(LocalDate from, LocalDate to, String startedBy) {
		if (from == null || to == null) {
			throw new DomainException(DomainException.Kind.INVALID, "insight-backfill-period", "a period needs its first and last day");
		}
		if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new DomainException(DomainException.Kind.INVALID, "insight-backfill-period", "the period is reversed or too long");
		}
		if (to.isAfter(LocalDate.now(Clocks.ZONE))) {
			throw new DomainException(DomainException.Kind.INVALID, "insight-backfill-future", "the period ends in the future");
		}
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		UUID id = UUID.randomUUID();
		Boolean started = transactions.execute(status -> jdbc.sql("""
				insert into insight_backfill_run (id, from_day, to_day, started_by, started_at, status)
				select ?, ?, ?, ?, ?, 'RUNNING' where not exists (select 1 from insight_backfill_run where status = 'RUNNING'
				  and started_at > now() - interval '1 hour')""")
			.params(id, from, to, startedBy, now)
			.update() == 1);
		if (!Boolean.TRUE.equals(started)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "insight-backfill-running", "a rebuild is under way");
		}
		return new BackfillRun(id, from, to, startedBy, now, null, BackfillRun.Status.RUNNING, 0, 0, null);
	}

	private BackfillRun run(BackfillRun run) {
		Instant start = run.startedAt().toInstant();
		LocalDate from = run.from();
		LocalDate to = run.to();
		long[] facts = { 0 };
		try {
			Batch caseBatch = new Batch(Source.CASE, from, to, start, facts);
			cases.forEach(from, to, fact -> caseBatch.add(fact.caseId().value().toString(), FactCells.of(fact)));
			caseBatch.flush();
			Batch ticketBatch = new Batch(Source.TICKET, from, to, start, facts);
			tickets.forEach(from, to, fact -> ticketBatch.add(fact.ticketId().value().toString(), FactCells.of(fact)));
			ticketBatch.flush();
			Batch ratingBatch = new Batch(Source.RATING, from, to, start, facts);
			ratings.forEach(from, to, fact -> ratingBatch.add(fact.ratingId().toString(), counting.cells(fact)));
			ratingBatch.flush();
			Batch readBatch = new Batch(Source.READS, from, to, start, facts);
			reads.forEach(from, to, count -> readBatch.add(IndicatorCounting.readsId(count), counting.cells(count)));
			readBatch.flush();
			Integer rows = transactions.execute(status -> counted.regroup(from, to));
			finish(run, BackfillRun.Status.DONE, facts[0], rows == null ? 0 : rows, null);
			LOG.info("insight backfill {}..{}: {} facts, {} daily rows", from, to, facts[0], rows);
		}
		catch (RuntimeException e) {
			LOG.error("insight backfill {}..{} failed", from, to, e);
			finish(run, BackfillRun.Status.FAILED, facts[0], 0, e.getClass().getSimpleName());
			throw e;
		}
		return lastRun().filter(last -> last.id().equals(run.id())).orElse(run);
	}

	private void finish(BackfillRun run, BackfillRun.Status status, long facts, long rows, String error) {
		transactions.executeWithoutResult(tx -> jdbc.sql("update insight_backfill_run set status = ?, facts = ?, rows = ?, error = ?,"
				+ " finished_at = clock_timestamp() where id = ?")
			.params(status.name(), facts, rows, error, run.id())
			.update());
	}

	/** Facts of one source gathered and written {@value #BATCH} at a time. */
	private final class Batch {

		private final Source source;
		private final LocalDate from;
		private final LocalDate to;
		private final Instant start;
		private final long[] facts;
		private final Map<String, Cells> pending = new LinkedHashMap<>();

		Batch(Source source, LocalDate from, LocalDate to, Instant start, long[] facts) {
			this.source = source;
			this.from = from;
			this.to = to;
			this.start = start;
			this.facts = facts;
		}

		void add(String factId, Cells cells) {
			pending.put(factId, cells);
			if (pending.size() >= BATCH) {
				flush();
			}
		}

		void flush() {
			if (pending.isEmpty()) {
				return;
			}
			Integer written = transactions.execute(status -> counted.store(source, pending, from, to, start));
			facts[0] += written == null ? 0 : written;
			pending.clear();
		}
	}
}
