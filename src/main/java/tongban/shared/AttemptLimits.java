package tongban.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often a key (a network address, a phone number) may do something within a sliding window: the platform's one
 * limiter (12345 lookups and codes, sign-in failures, SMS codes of registration and password reset). State lives in
 * PostgreSQL, so every node counts together (shared/ARCHITECTURE.md: rate limits are shared, never per node); the key is
 * stored only as a keyed blind index, never as typed. {@link #tryAcquire} serialises the callers of one key with a
 * transaction-scoped advisory lock, so two concurrent requests cannot both take the last use.
 */
@Component
public class AttemptLimits {

	/** Rows older than this are purged; no window may be longer. */
	static final Duration LONGEST = Duration.ofDays(1);

	/**
	 * At most {@code max} uses within {@code window} per key.
	 *
	 * @param name the bucket, unique per limit (also part of the key's index, so two limits never share rows)
	 */
	public record Limit(String name, int max, Duration window) {

		public Limit {
			if (max < 1 || window.isNegative() || window.isZero() || window.compareTo(LONGEST) > 0) {
				throw new IllegalArgumentException("limit " + name + ": max ≥ 1 and a window up to a day");
			}
		}
	}

	private final JdbcClient jdbc;
	private final DataKeys keys;

	AttemptLimits(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** When the key may act again, if it has used up its allowance; empty if it may act now. */
	@Transactional(readOnly = true)
	public Optional<Instant> blockedUntil(Limit limit, String key) {
		// the max-th newest use inside the window: once it leaves the window, one use is free again
		return jdbc.sql("""
				select at from shared_rate_event where bucket = ? and key_index = ? and at > clock_timestamp() - ?::interval
				order by at desc offset ? limit 1""")
			.params(limit.name(), index(limit, key), interval(limit.window()), limit.max() - 1)
			.query(OffsetDateTime.class)
			.optional()
			.map(at -> at.toInstant().plus(limit.window()));
	}

	public boolean blocked(Limit limit, String key) {
		return blockedUntil(limit, key).isPresent();
	}

	/** Counts one use, whether or not the allowance was used up (a failure that happened anyway). */
	@Transactional
	public void count(Limit limit, String key) {
		String index = index(limit, key);
		jdbc.sql("insert into shared_rate_event (bucket, key_index) values (?, ?)").params(limit.name(), index).update();
		jdbc.sql("delete from shared_rate_event where bucket = ? and key_index = ? and at < clock_timestamp() - ?::interval")
			.params(limit.name(), index, interval(limit.window()))
			.update();
		// keys never seen again: one caller in about a hundred sweeps the table
		if (Math.floorMod(System.nanoTime(), 100L) == 0) {
			jdbc.sql("delete from shared_rate_event where at < clock_timestamp() - ?::interval").param(interval(LONGEST)).update();
		}
	}

	/**
	 * Counts one use if the allowance is not used up; otherwise counts nothing and answers when the key may act again.
	 * Callers of one key wait for each other until the surrounding transaction ends.
	 */
	@Transactional
	public Optional<Instant> tryAcquire(Limit limit, String key) {
		String index = index(limit, key);
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(limit.name() + ":" + index).query(Object.class).single();
		Optional<Instant> until = blockedUntil(limit, key);
		if (until.isEmpty()) {
			count(limit, key);
		}
		return until;
	}

	/** Forgets a key's uses (an operator unblocking a caller's network, and tests). */
	@Transactional
	public void forget(Limit limit, String key) {
		jdbc.sql("delete from shared_rate_event where bucket = ? and key_index = ?").params(limit.name(), index(limit, key)).update();
	}

	private String index(Limit limit, String key) {
		return keys.blindIndex("rate:" + limit.name() + ":" + (key == null ? "" : key));
	}

	private static String interval(Duration window) {
		return window.toMillis() + " milliseconds";
	}
}
