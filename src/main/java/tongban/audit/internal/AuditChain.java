package tongban.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail.Verification;
import tongban.shared.DataKeys;

/**
 * The hash chain. Entries are inserted by the acting transactions without a position; every half second (and before
 * each check) the committed ones are given the next positions in the order of their ids, each with the HMAC (the
 * platform's MAC key, so that the chain cannot be recomputed by someone who can only write the table) of the previous
 * entry's hash and its own fields. {@code audit_head} holds the last position and hash.
 * <p>
 * The check walks the chain by position: a gap is a MISSING entry (named by the position that is not there, also at
 * the end against the head), an entry whose stored previous hash is not its predecessor's hash is UNLINKED, and one
 * whose fields no longer give its hash is ALTERED.
 */
@Component
public class AuditChain {

	private static final long LOCK = 7_204_411_001L;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final DataKeys keys;

	AuditChain(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, DataKeys keys) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.keys = keys;
	}

	/** The last chained position and its hash. */
	private record Head(long position, String hash) {
	}

	private Optional<Head> head() {
		return jdbc.sql("select position, hash from audit_head where id = 1").query(Head.class).optional();
	}

	private record Pending(long id, Instant at, String kind, String actor, String subject, String detail) {
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #chainPending()}, unlocked. */
	@Scheduled(fixedDelay = 500, initialDelay = 2000)
	@SchedulerLock(name = "audit.chain", lockAtMostFor = "PT1M", lockAtLeastFor = "PT0.4S")
	void scheduledChaining() {
		chainPending();
	}

	public void chainPending() {
		while (Boolean.TRUE.equals(tx.execute(s -> chainBatch(1000)))) {
			// until nothing is left
		}
	}

	/** Chains up to {@code limit} committed entries; true when there may be more. */
	private boolean chainBatch(int limit) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
		List<Pending> rows = jdbc.sql("select id, at, kind, actor, subject, detail from audit_entry where position is null order by id limit ?")
			.param(limit)
			.query(Pending.class)
			.list();
		if (rows.isEmpty()) {
			return false;
		}
		var head = head();
		long position = head.map(Head::position).orElse(0L);
		String prev = head.map(Head::hash).orElse("");
		List<Object[]> updates = new ArrayList<>(rows.size());
		for (Pending p : rows) {
			position++;
			String hash = hash(position, p.at(), p.kind(), p.actor(), p.subject(), p.detail(), prev);
			updates.add(new Object[] { position, prev, hash, p.id() });
			prev = hash;
		}
		template.batchUpdate("update audit_entry set position = ?, prev_hash = ?, hash = ? where id = ?", updates);
		jdbc.sql("insert into audit_head (id, position, hash) values (1, ?, ?) on conflict (id) do update set position = excluded.position, hash = excluded.hash")
			.params(position, prev)
			.update();
		return rows.size() == limit;
	}

	String hash(long position, Instant at, String kind, String actor, String subject, String detail, String prev) {
		return keys.mac(position + "\u001f" + at + "\u001f" + kind + "\u001f" + actor + "\u001f" + nz(subject) + "\u001f" + nz(detail) + "\u001f"
				+ prev);
	}

	private static String nz(String s) {
		return s == null ? "\u0000" : s;
	}

	public Verification verify() {
		return tx.execute(s -> {
			long[] expected = { 1 };
			String[] prev = { "" };
			long[] checked = { 0 };
			Verification[] found = { null };
			jdbc.sql("select id, position, at, kind, actor, subject, detail, prev_hash, hash from audit_entry where position is not null order by position")
				.query((RowCallbackHandler) rs -> {
					if (found[0] != null) {
						return;
					}
					long position = rs.getLong("position");
					long id = rs.getLong("id");
					if (position != expected[0]) {
						found[0] = problem(checked[0], expected[0], null, "MISSING");
						return;
					}
					String stored = rs.getString("hash");
					String computed = hash(position, at(rs), rs.getString("kind"), rs.getString("actor"), rs.getString("subject"),
							rs.getString("detail"), nzPrev(rs.getString("prev_hash")));
					if (!computed.equals(stored)) {
						found[0] = problem(checked[0], position, id, "ALTERED");
						return;
					}
					if (!prev[0].equals(nzPrev(rs.getString("prev_hash")))) {
						found[0] = problem(checked[0], position, id, "UNLINKED");
						return;
					}
					prev[0] = stored;
					expected[0]++;
					checked[0]++;
				});
			if (found[0] != null) {
				return found[0];
			}
			var head = head();
			long last = expected[0] - 1;
			if (head.isPresent() && head.get().position() > last) {
				return problem(checked[0], last + 1, null, "MISSING");
			}
			if (head.isPresent() && head.get().position() == last && !head.get().hash().equals(prev[0])) {
				return problem(checked[0], last, null, "ALTERED");
			}
			return new Verification(true, checked[0], null, null, null, null, Instant.now());
		});
	}

	private static String nzPrev(String p) {
		return p == null ? "" : p;
	}

	private static Instant at(ResultSet rs) throws SQLException {
		return rs.getObject("at", OffsetDateTime.class).toInstant();
	}

	private static Verification problem(long checked, long position, Long id, String what) {
		return new Verification(false, checked, position, id, what, null, Instant.now());
	}
}
