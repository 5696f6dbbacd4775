package tongban.exchange.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;
import tongban.audit.SealedRecords;

/**
 * Seals of read records. A record's seal ({@link ReadMacs}) is written with the record ({@link ReadRecorder}). Every
 * half second (and before each check of the trail) the records committed since the last pass are sealed into the trail
 * as a range of ids by one chained DATA_READ entry, whose detail holds the range and the HMAC over the range's seals
 * ({@code "reads 101-250: 150 reads (SERVED 149, REVEALED 1), seal <hex>"}), recorded with the same values as facts
 * ({@link SealedRange}) that the check ({@link ReadSealCheck}) reads back from the trail; {@code exchange_seal_head}
 * holds the last id sealed. A record is therefore tamper-evident by its seal at once, and by the chain within a second,
 * as entries of the trail are.
 */
@Component
class ReadSeals implements SealedRecords {

	/** The actor of the trail's entries that seal ranges. */
	static final String ACTOR = "exchange";
	/** Serialises sealing passes (on every node). */
	private static final long SEALER = 7_204_411_003L;
	/** At most this many records are sealed by one entry. */
	private static final int MAX_RANGE = 50_000;

	private final ReadMacs macs;
	private final ReadSealCheck check;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditTrail audit;

	ReadSeals(ReadMacs macs, ReadSealCheck check, JdbcClient jdbc, TransactionTemplate tx, @Lazy AuditTrail audit) {
		this.macs = macs;
		this.check = check;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	/**
	 * What the trail's entry of a range holds: the ids sealed, how many records, by outcome, and the MAC over their
	 * seals ({@link ReadMacs#batchSeal}).
	 */
	record SealedRange(long first, long last, int count, Map<String, Integer> outcomes, String seal) {

		/** The entry's detail, as people read it (outcomes in the order of their names). */
		String detail() {
			StringBuilder b = new StringBuilder().append("reads ").append(first).append('-').append(last).append(": ").append(count).append(" reads (");
			new TreeMap<>(outcomes).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append(' ').append(v));
			return b.append("), seal ").append(seal).toString();
		}
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #sealPending()}, unlocked. */
	@Scheduled(fixedDelay = 500, initialDelay = 2000)
	@SchedulerLock(name = "exchange.read-seals", lockAtMostFor = "PT1M", lockAtLeastFor = "PT0.4S")
	void scheduledSealing() {
		sealPending();
	}

	/**
	 * Seals the records committed since the last pass, up to the highest id committed now, once every insert that may
	 * still bring a lower id has ended. Such an insert drew its id before that highest one was drawn (ids come from the
	 * sequence in order; its cache is 1), and took {@link ReadRecorder#LOCK} before drawing it, so it holds the lock now:
	 * the pass waits for the holders seen after reading the id to end, without blocking anyone (new inserts bring higher
	 * ids). Holders that last over ten seconds leave the range to the next pass.
	 */
	@Override
	public void sealPending() {
		long highest = jdbc.sql("select coalesce(max(id), 0) from exchange_access").query(Long.class).single();
		Set<String> underWay = new HashSet<>(holders());
		long until = System.nanoTime() + 10_000_000_000L;
		while (!underWay.isEmpty()) {
			if (System.nanoTime() > until) {
				return;
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			underWay.retainAll(holders());
		}
		while (Boolean.TRUE.equals(tx.execute(s -> sealRange(highest)))) {
			// until the range is sealed
		}
	}

	/** The transactions holding {@link ReadRecorder#LOCK} (an advisory lock on a bigint key: its high and low 32 bits). */
	private List<String> holders() {
		return jdbc.sql("""
				select virtualtransaction from pg_locks
				where locktype = 'advisory' and classid::bigint = ? and objid::bigint = ? and objsubid = 1 and granted""")
			.params(ReadRecorder.LOCK >>> 32, ReadRecorder.LOCK & 0xffff_ffffL)
			.query(String.class)
			.list();
	}

	private record Row(long id, String outcome, String seal) {
	}

	/** Seals up to {@link #MAX_RANGE} records after the head, up to {@code highest}; true when more are left. */
	private boolean sealRange(long highest) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(SEALER).query(Object.class).single();
		long last = jdbc.sql("select last_id from exchange_seal_head where id = 1 for update").query(Long.class).single();
		if (highest <= last) {
			return false;
		}
		// a record without a seal is not the platform's: it is left out, and reported by the check (READ_UNSEALED)
		List<Row> rows = jdbc.sql("select id, outcome, seal from exchange_access where id > ? and id <= ? and seal is not null and audit_id is null"
				+ " order by id limit ?")
			.params(last, highest, MAX_RANGE)
			.query(Row.class)
			.list();
		long upTo = rows.size() == MAX_RANGE ? rows.getLast().id() : highest;
		Map<String, Integer> outcomes = new TreeMap<>();
		rows.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
		SealedRange range = new SealedRange(last + 1, upTo, rows.size(), outcomes, macs.batchSeal(rows.stream().map(Row::seal).toList()));
		audit.record(AuditTrail.DATA_READ, ACTOR, "exchange_access " + range.first() + "-" + range.last(), range.detail(), range);
		jdbc.sql("update exchange_seal_head set last_id = ? where id = 1").param(upTo).update();
		return upTo < highest;
	}

	/** Checks every sealed record and range ({@link ReadSealCheck}). */
	@Override
	public Optional<Failure> firstFailure() {
		return check.firstFailure();
	}
}
