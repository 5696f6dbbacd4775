package tongban.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tongban.audit.AuditTrail;

/**
 * Writes records of reads with group commit: a lookup hands its record to the writer, reads the data meanwhile, and
 * waits until the statement holding the record has committed, so no answer leaves without its record on disk, while
 * the reads that arrive together share one statement and one flush of the log. While the writer commits a batch, the
 * next fills; when other lookups are under way as a batch begins, it waits up to {@code tongban.exchange.record-window}
 * (1 ms) for their records, in the manner of PostgreSQL's {@code commit_delay} with {@code commit_siblings} (a lone
 * read is written at once). If the write fails, the lookups waiting on it fail too (nothing is served unrecorded).
 * <p>
 * A batch is sealed into the audit trail with one entry (kind DATA_READ) instead of one per read: each read record
 * carries its seal, the HMAC of its fields under the platform's MAC key, and the id of its batch's entry, whose chained
 * detail holds the HMAC over the batch's seals ({@link ReadSeals} checks both when the trail is verified). The
 * entry and the records are written by one statement, so either both are there or neither.
 */
@Component
public class ReadRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadRecorder.class);
	/**
	 * A read to record: who read (the department, and its system or staff member, named in the audit trail as
	 * {@code actor}) whose data (the subject's blind index), which fields, why, for which case, and how (SERVED,
	 * PREFILL, REVEALED).
	 */
	public record Read(String actor, String subjectIndex, String resourceCode, String departmentCode, String clientId, String staffId, String staffName,
			List<String> fields, String purpose, String caseNumber, String outcome) {
	}

	private record Pending(Read read, Instant at, CompletableFuture<Void> done) {
	}

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
	private final AuditTrail audit;
	private final ReadSeals seals;
	private volatile boolean running;
	private Thread writer;
	/** A batch stops waiting for more once it holds this many. */
	private static final int MAX_WAIT_FOR = 64;
	/** Lookups under way (between {@link #lookupBegins()} and {@link #lookupEnds()}), whether or not they have handed in their record yet. */
	private final AtomicInteger lookupsUnderWay = new AtomicInteger();
	private final long window;

	ReadRecorder(AuditTrail audit, ReadSeals seals, @Value("${tongban.exchange.record-window:1ms}") Duration window) {
		this.window = window.toNanos();
		this.audit = audit;
		this.seals = seals;
	}

	/** A lookup that will record its read begins: batches wait a moment for it while it is under way. */
	public void lookupBegins() {
		lookupsUnderWay.incrementAndGet();
	}

	/** The lookup begun by {@link #lookupBegins()} is over, answered or refused. */
	public void lookupEnds() {
		lookupsUnderWay.decrementAndGet();
	}

	/** Records a read; returns once committed. */
	public void record(Read read) {
		begin(read).await();
	}

	/** A record on its way to the database; {@link #await()} returns once it is committed, or throws if it could not be. */
	public interface Recording {

		void await();
	}

	/**
	 * Hands a record to the writer and returns at once, so that the caller can read the data while the record is being
	 * committed; the caller must {@link Recording#await() await} it before the answer leaves.
	 */
	public Recording begin(Read read) {
		Instant at = ReadSeals.now();
		if (!running) {
			// before start and after stop (tests, shutdown): write directly
			write(List.of(new Pending(read, at, null)));
			return () -> {
			};
		}
		Pending p = new Pending(read, at, new CompletableFuture<>());
		try {
			if (!queue.offer(p, 5, TimeUnit.SECONDS)) {
				throw new IllegalStateException("read records are not being written");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		return () -> {
			try {
				p.done().join();
			}
			catch (CompletionException e) {
				throw new IllegalStateException("the read could not be recorded", e.getCause());
			}
		};
	}

	/**
	 * Writes a batch and the audit entry sealing it in one statement (one round trip, committed on its own). The
	 * records go as one array per column, so that the statement's text is the same for every batch and PostgreSQL
	 * prepares it once.
	 */
	private void write(List<Pending> batch) {
		int n = batch.size();
		String[][] columns = new String[12][n];
		List<String> sealed = new ArrayList<>(n);
		Map<String, Integer> outcomes = new TreeMap<>();
		String actor = batch.getFirst().read().actor();
		for (int i = 0; i < n; i++) {
			Pending p = batch.get(i);
			Read r = p.read();
			String seal = seals.seal(p.at(), r);
			sealed.add(seal);
			outcomes.merge(r.outcome(), 1, Integer::sum);
			if (!r.actor().equals(actor)) {
				actor = "exchange";
			}
			String[] row = { p.at().toString(), r.subjectIndex(), r.resourceCode(), r.departmentCode(), r.clientId(), r.staffId(), r.staffName(),
					String.join(",", r.fields()), r.purpose(), r.caseNumber(), r.outcome(), seal };
			for (int c = 0; c < row.length; c++) {
				columns[c][i] = row[c];
			}
		}
		audit.recordSealing(new AuditTrail.NewEntry(AuditTrail.DATA_READ, actor, null, ReadSeals.detail(n, outcomes, seals.batchSeal(sealed))), INSERT,
				List.of((Object[]) columns));
	}

	/** Field names hold no commas: they are joined for the array of the batch and split again. */
	private static final String INSERT = """
			insert into exchange_access (at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
			  purpose, case_number, outcome, seal, audit_id)
			select v.at, v.s, v.r, v.d, v.c, v.si, v.sn, string_to_array(v.f, ','), v.p, v.cn, v.o, v.seal, entry.id
			from entry, unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			  ?::text[], ?::text[]) as v (at, s, r, d, c, si, sn, f, p, cn, o, seal)""";

	private void loop() {
		List<Pending> batch = new ArrayList<>(1000);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, 999);
				// like PostgreSQL's commit_delay with commit_siblings: when other lookups are under way, wait a moment for their
				// records, so that they share the statement and its flush (one entry, one commit, one link of the chain)
				long until = System.nanoTime() + window;
				boolean others = lookupsUnderWay.get() > batch.size();
				while (others && batch.size() < MAX_WAIT_FOR) {
					long left = until - System.nanoTime();
					Pending more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
					if (more == null) {
						break;
					}
					batch.add(more);
					queue.drainTo(batch, 999 - batch.size());
				}
				try {
					write(batch);
					batch.forEach(p -> p.done().complete(null));
				}
				catch (RuntimeException e) {
					log.error("could not write {} read records", batch.size(), e);
					batch.forEach(p -> p.done().completeExceptionally(e));
				}
				batch.clear();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void start() {
		running = true;
		writer = Thread.ofPlatform().name("tongban-read-recorder").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		try {
			writer.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Started before and stopped after the web server (whose phases are higher), so every served read is written. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
