package tongban.insight.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.insight.internal.DailyMeasures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last counted figures of each fact ({@code insight_counted_fact}), which make counting idempotent: a fact is
 * counted by adding to {@code insight_daily} only the difference between what it adds now and what it added when last
 * counted, under a lock on its row, so a redelivered or reordered event adds nothing twice (ADR 0023).
 */
@Component
class CountedFacts {

	/** Where a fact comes from; with its id, the key of its row. */
	enum Source {
		CASE, TICKET, RATING, READS
	}

	private static final TypeReference<Map<String, Map<String, Long>>> CELLS = new TypeReference<>() {
	};

	/** Stores facts' figures as counted now: source, fact id, cells (JSON), first and last day. */
	private static final String STORE = """
			insert into insight_counted_fact (source, fact_id, cells, first_day, last_day, counted_at) values (?, ?, ?::jsonb, ?, ?, clock_timestamp())
			on conflict (source, fact_id) do update set cells = excluded.cells, first_day = excluded.first_day, last_day = excluded.last_day,
			  counted_at = excluded.counted_at""";

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;
	private final JsonMapper json;
	private final DailyMeasures daily;

	CountedFacts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, DailyMeasures daily) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
		this.daily = daily;
	}

	/**
	 * Counts one fact as it is now: adds the difference to the daily counters. Returns the counters changed. The fact
	 * is read ({@code reading}) only once this transaction holds the fact's lock, so two listeners of the same fact (a
	 * ticket closed, then reopened) count in turn, the later one from the state the earlier one's event left behind.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int count(Source source, String factId, Supplier<Cells> reading) {
		return countAll(source, List.of(factId), ids -> Map.of(factId, reading.get()));
	}

	/**
	 * Counts many facts of one source as they are now, in one go (the counting pass, ADR 0057; {@link #count} for one):
	 * under each fact's advisory lock, which the backfill's {@link #store} takes too, every fact read at once ({@code reading}: id → figures, a fact missing from it counts as
	 * nothing), and the differences of all of them summed per counter before they are added, so each counter is written
	 * once. Returns the counters changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int countAll(Source source, Collection<String> factIds, Function<List<String>, Map<String, Cells>> reading) {
		List<String> ids = factIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return 0;
		}
		lockAll(source, ids);
		Map<String, Cells> now = reading.apply(ids);
		Map<String, Cells> before = new HashMap<>();
		jdbc.sql("select fact_id, cells::text as cells from insight_counted_fact where source = ? and fact_id = any(?) order by fact_id for update")
			.params(source.name(), ids.toArray(String[]::new))
			.query(rs -> {
				before.put(rs.getString("fact_id"), Cells.of(json.readValue(rs.getString("cells"), CELLS)));
			});
		List<DailyMeasures.Delta> deltas = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (String factId : ids) {
			Cells current = now.getOrDefault(factId, new Cells());
			Cells last = before.get(factId);
			List<DailyMeasures.Delta> change = current.minus(last == null ? new Cells() : last, day -> true);
			if (change.isEmpty()) {
				continue;
			}
			deltas.addAll(change);
			rows.add(new Object[] { source.name(), factId, json.writeValueAsString(current.asMap()), current.firstDay(), current.lastDay() });
		}
		List<DailyMeasures.Delta> summed = summed(deltas);
		daily.addAll(summed);
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate(STORE, rows);
		}
		return summed.size();
	}

	/**
	 * Takes the per-fact advisory locks of many facts in one statement and in one order (the order of their
	 * keys), so that the pass, a single count and the backfill wait for each other and never in a circle.
	 */
	private void lockAll(Source source, List<String> sortedIds) {
		jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(fact, 0))) from (select ? || ':' || id as fact from unnest(?::text[]) id order by 1) facts")
			.params(source.name(), sortedIds.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * Many changes summed per counter and sorted as {@link Cells} sorts them (place, then measure): every writer of the
	 * daily counters writes them in this one order, so none waits on another in a circle.
	 */
	static List<DailyMeasures.Delta> summed(List<DailyMeasures.Delta> deltas) {
		Cells sum = new Cells();
		deltas.forEach(delta -> sum.add(delta.day(), delta.department(), delta.region(), delta.item(), delta.measure(), delta.delta()));
		return sum.minus(new Cells(), day -> true);
	}

	/**
	 * The backfill's write of a batch of facts (one source) for the days {@code from}..{@code to}: each fact's figures
	 * are stored as recomputed, and only the differences on days outside the period are added to the daily counters (the
	 * days inside are regrouped afterwards, {@link #regroup}). A fact counted by a listener after {@code runStart} is
	 * newer than the backfill's reading and is left as it is.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int store(Source source, Map<String, Cells> batch, LocalDate from, LocalDate to, Instant runStart) {
		lockAll(source, batch.keySet().stream().sorted().toList());
		Map<String, Cells> before = new HashMap<>();
		Map<String, Instant> countedAt = new HashMap<>();
		jdbc.sql("select fact_id, cells::text as cells, counted_at from insight_counted_fact where source = ? and fact_id = any(?)"
				+ " order by fact_id for update")
			.params(source.name(), batch.keySet().toArray(String[]::new))
			.query(rs -> {
				before.put(rs.getString("fact_id"), Cells.of(json.readValue(rs.getString("cells"), CELLS)));
				countedAt.put(rs.getString("fact_id"), rs.getTimestamp("counted_at").toInstant());
			});
		List<DailyMeasures.Delta> outside = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		batch.forEach((factId, now) -> {
			Instant counted = countedAt.get(factId);
			if (counted != null && counted.isAfter(runStart)) {
				return;
			}
			outside.addAll(now.minus(before.getOrDefault(factId, new Cells()), day -> day.isBefore(from) || day.isAfter(to)));
			rows.add(new Object[] { source.name(), factId, json.writeValueAsString(now.asMap()), now.firstDay(), now.lastDay() });
		});
		daily.addAll(summed(outside));
		jdbcTemplate.batchUpdate(STORE, rows);
		return rows.size();
	}

	/**
	 * The daily counters of the days {@code from}..{@code to} recomputed as the sums of the counted facts' figures, with
	 * listeners held back meanwhile (an exclusive lock lets readers read). Returns the rows written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int regroup(LocalDate from, LocalDate to) {
		jdbc.sql("lock table insight_counted_fact, insight_daily in exclusive mode").update();
		jdbc.sql("delete from insight_daily where day between ? and ?").params(from, to).update();
		return jdbc.sql("""
				insert into insight_daily (day, department_code, region_code, item_code, measure, value)
				select split_part(p.key, '|', 1)::date, split_part(p.key, '|', 2), split_part(p.key, '|', 3), split_part(p.key, '|', 4), m.key,
				  sum(m.value::bigint)
				from insight_counted_fact f, jsonb_each(f.cells) p, jsonb_each_text(p.value) m
				where f.last_day >= ? and f.first_day <= ? and split_part(p.key, '|', 1)::date between ? and ?
				group by 1, 2, 3, 4, 5 having sum(m.value::bigint) <> 0""")
			.params(from, to, from, to)
			.update();
	}
}
