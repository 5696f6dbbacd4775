package tongban.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A token bucket per department system: {@code rate} calls a second on average, bursts up to one second's worth. The
 * bucket is a row of {@code exchange_rate_bucket}, refilled and taken from in one statement (the upsert locks the row
 * for that statement only), so every node draws from the same bucket and a cluster of N nodes still allows the rate,
 * not N times it. One statement rather than Bucket4j's transaction of several: measured in docs/performance.md ("Issue
 * 21: rate limits"), docs/decisions/0044.
 */
@Component
public class RateLimits {

	/**
	 * Refills by the time since the last take (never back in time, never over the rate), then takes one token if there
	 * is a whole one; answers whether it did and what is left. The statement is its own transaction and does not wait for
	 * the WAL to reach the disk ({@code synchronous_commit} off for it alone): a database crash may forget the last
	 * milliseconds of takes, which only lets a client a few calls more.
	 */
	private static final String TAKE = """
			with asked as materialized (select ?::varchar as id, ?::double precision as rate, set_config('synchronous_commit', 'off', true) as quick)
			insert into exchange_rate_bucket as b (id, tokens, taken_at, allowed)
			select id, rate - 1, clock_timestamp(), true from asked
			on conflict (id) do update set
			  tokens = least(excluded.tokens + 1, b.tokens + greatest(0, extract(epoch from clock_timestamp() - b.taken_at)) * (excluded.tokens + 1))
			    - case when least(excluded.tokens + 1, b.tokens + greatest(0, extract(epoch from clock_timestamp() - b.taken_at)) * (excluded.tokens + 1)) >= 1
			      then 1 else 0 end,
			  allowed = least(excluded.tokens + 1, b.tokens + greatest(0, extract(epoch from clock_timestamp() - b.taken_at)) * (excluded.tokens + 1)) >= 1,
			  taken_at = greatest(b.taken_at, clock_timestamp())
			returning allowed, tokens""";

	private record Taken(boolean allowed, double tokens) {
	}

	private final JdbcClient jdbc;

	RateLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes one call from the client's bucket; the whole seconds to wait when there is none (0 when allowed). */
	public long take(String clientId, int rate) {
		// the rate is part of the key: a client given another rate starts a fresh bucket
		Taken taken = jdbc.sql(TAKE).params(clientId + ":" + rate, rate).query(Taken.class).single();
		if (taken.allowed()) {
			return 0;
		}
		return Math.max(1, (long) Math.ceil((1 - taken.tokens()) / rate));
	}
}
