package tongban.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;

/**
 * Writes records of reads with group commit: a lookup hands its record (the read and its audit entry) to the writers,
 * reads the data meanwhile, and waits until the transaction holding the record has committed, so no answer leaves
 * without its record on disk, while the reads that arrive together share one transaction and one flush of the log. Two
 * writers take turns, so one batch fills while the other commits. If the write fails, the lookups waiting
 * on it fail too (nothing is served unrecorded).
 */
@Component
public class ReadRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadRecorder.class);
	static final String ACCESS_INSERT = """
			insert into exchange_access (subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields, purpose,
			  case_number, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private record Pending(Object[] access, AuditTrail.NewEntry entry, CompletableFuture<Void> done) {
	}

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final AuditTrail audit;
	private volatile boolean running;
	/** Two writers, so that one batch is filled while the other commits and no read waits for more than one commit. */
	private final List<Thread> writers = new ArrayList<>();
	static final int WRITERS = 2;

	ReadRecorder(JdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	/** Records a read (the exchange_access row's values, in ACCESS_INSERT's order) and its audit entry; returns once committed. */
	public void record(Object[] access, AuditTrail.NewEntry entry) {
		begin(access, entry).await();
	}

	/** A record on its way to the database; {@link #await()} returns once it is committed, or throws if it could not be. */
	public interface Recording {

		void await();
	}

	/**
	 * Hands a record to the writers and returns at once, so that the caller can read the data while the record is being
	 * committed; the caller must {@link Recording#await() await} it before the answer leaves.
	 */
	public Recording begin(Object[] access, AuditTrail.NewEntry entry) {
		if (!running) {
			// before start and after stop (tests, shutdown): write directly
			tx.executeWithoutResult(s -> write(List.of(new Pending(access, entry, null))));
			return () -> {
			};
		}
		Pending p = new Pending(access, entry, new CompletableFuture<>());
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

	private void write(List<Pending> batch) {
		jdbc.batchUpdate(ACCESS_INSERT, batch.stream().map(Pending::access).toList());
		audit.recordAll(batch.stream().map(Pending::entry).toList());
	}

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
				try {
					tx.executeWithoutResult(s -> write(batch));
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
		for (int i = 0; i < WRITERS; i++) {
			writers.add(Thread.ofPlatform().name("tongban-read-recorder-" + i).daemon().start(this::loop));
		}
	}

	@Override
	public void stop() {
		running = false;
		try {
			for (Thread w : writers) {
				w.join(10_000);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		writers.clear();
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
