package tongban.insight.indicators;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.insight.indicators.CountedFacts.Source;

/**
 * Facts waiting to be counted ({@code insight_due_fact}, ADR 0057): a listener marks its fact in its own transaction;
 * the counting pass takes the oldest marks in its transaction and counts their facts as they are then. A fact marked
 * again while the pass holds its mark is marked anew once the pass commits (the insert waits for the pass's delete), so
 * a change is never missed: the pass either reads it or leaves a mark for the next pass.
 */
@Component
class DueFacts {

	private final JdbcClient jdbc;

	DueFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks one fact to be counted by the next pass. */
	@Transactional
	public void mark(Source source, String factId) {
		jdbc.sql("insert into insight_due_fact (source, fact_id) values (?, ?) on conflict do nothing").params(source.name(), factId).update();
	}

	/**
	 * Takes up to {@code limit} of the oldest marks (removed when the caller's transaction commits; skipped by another
	 * pass meanwhile), by source.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Source, List<String>> take(int limit) {
		Map<Source, List<String>> taken = new EnumMap<>(Source.class);
		jdbc.sql("""
				with taken as materialized (
				  select source, fact_id from insight_due_fact where due_at <= clock_timestamp() order by due_at limit ? for update skip locked)
				delete from insight_due_fact d using taken where d.source = taken.source and d.fact_id = taken.fact_id
				returning d.source, d.fact_id""")
			.param(limit)
			.query(rs -> {
				taken.computeIfAbsent(Source.valueOf(rs.getString("source")), source -> new ArrayList<>()).add(rs.getString("fact_id"));
			});
		return taken;
	}

	/** Takes one fact's mark in the caller's transaction; false when it is not marked or another pass holds it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean take(Source source, String factId) {
		return jdbc.sql("""
				with taken as materialized (
				  select source, fact_id from insight_due_fact where source = ? and fact_id = ? for update skip locked)
				delete from insight_due_fact d using taken where d.source = taken.source and d.fact_id = taken.fact_id""")
			.params(source.name(), factId)
			.update() > 0;
	}

	/** One fact marked due. */
	record Due(Source source, String factId) {
	}

	/** The oldest marks whose time has come, without taking them. */
	@Transactional(readOnly = true)
	public List<Due> oldest(int limit) {
		return jdbc.sql("select source, fact_id from insight_due_fact where due_at <= clock_timestamp() order by due_at limit ?")
			.param(limit)
			.query((rs, row) -> new Due(Source.valueOf(rs.getString("source")), rs.getString("fact_id")))
			.list();
	}

	/**
	 * Leaves a fact that could not be counted for a while, so the facts behind it are counted meanwhile: 1 minute after
	 * the first failure, then 2, 4 … up to a day. Answers how often it has failed.
	 */
	@Transactional
	public int postpone(Source source, String factId) {
		return jdbc.sql("""
				update insight_due_fact set attempts = attempts + 1,
				  due_at = clock_timestamp() + least(make_interval(mins => power(2, least(attempts, 11))::int), interval '1 day')
				where source = ? and fact_id = ? returning attempts""")
			.params(source.name(), factId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}
}
