package tongban.shared;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up check of a search index: when the index does not hold as many documents as its table has rows (a new
 * data folder, a deleted index), it is rebuilt from the table. On a shared search cluster
 * ({@code TONGBAN_SEARCH_BACKEND=elasticsearch}) every node checks the same index, and a rebuild purges before it
 * indexes, so nodes starting together take turns: each holds a transaction-scoped advisory lock named after the index
 * while it counts and rebuilds, and the next one, once it has the lock, finds the counts equal and leaves the index be.
 * The per-node Lucene index (the default) takes no lock: no other node writes it, and waiting would only delay starts.
 */
@Component
public class IndexRebuilds {

	/** A rebuild of the whole index from its table. */
	@FunctionalInterface
	public interface Rebuild {

		void run() throws InterruptedException;
	}

	private static final Logger log = LoggerFactory.getLogger(IndexRebuilds.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final boolean shared;

	IndexRebuilds(JdbcClient jdbc, TransactionTemplate tx,
			@Value("${spring.jpa.properties.hibernate.search.backend.type:lucene}") String backend) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.shared = "elasticsearch".equals(backend);
	}

	/**
	 * Rebuilds the index if its document count differs from the table's row count; answers whether it did.
	 *
	 * @param index the index's name, as in "catalog", for the log and the lock (one lock per index, the same on every node)
	 * @param rows the table's row count
	 * @param indexed the index's document count
	 */
	public boolean rebuildIfStale(String index, LongSupplier rows, LongSupplier indexed, Rebuild rebuild) throws InterruptedException {
		if (!shared) {
			return compareAndRebuild(index, rows, indexed, rebuild);
		}
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(lockName(index)).query(Object.class).single();
				try {
					return compareAndRebuild(index, rows, indexed, rebuild);
				}
				catch (InterruptedException e) {
					throw new Interrupted(e);
				}
			}));
		}
		catch (Interrupted e) {
			throw e.interruption;
		}
	}

	/** The advisory lock's name for an index ({@code hashtextextended} of it is the key). */
	static String lockName(String index) {
		return "search-rebuild:" + index;
	}

	private static boolean compareAndRebuild(String index, LongSupplier rows, LongSupplier indexed, Rebuild rebuild)
			throws InterruptedException {
		long inTable = rows.getAsLong();
		long inIndex = indexed.getAsLong();
		if (inTable == inIndex) {
			return false;
		}
		log.info("{} search index has {} of {} documents; rebuilding", index, inIndex, inTable);
		rebuild.run();
		return true;
	}

	/** Carries an interruption out of the transaction callback (which may not throw checked exceptions). */
	private static final class Interrupted extends RuntimeException {

		private final InterruptedException interruption;

		Interrupted(InterruptedException interruption) {
			super(interruption);
			this.interruption = interruption;
		}
	}
}
