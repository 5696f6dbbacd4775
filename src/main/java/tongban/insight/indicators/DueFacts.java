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
				delete from insight_due_fact where (source, fact_id) in (
				  select source, fact_id from insight_due_fact where due_at <= clock_timestamp() order by due_at limit ? for update skip locked)
				returning source, fact_id""")
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
				delete from insight_due_fact where (source, fact_id) in (
				  select source, fact_id from insight_due_fact where source = ? and fact_id = ? for update skip locked)""")
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

	/** Leaves a fact that could not be counted for {@code minutes}, so the facts behind it are counted meanwhile. */
	@Transactional
	public void postpone(Source source, String factId, int minutes) {
		jdbc.sql("update insight_due_fact set due_at = clock_timestamp() + make_interval(mins => ?) where source = ? and fact_id = ?")
			.params(minutes, source.name(), factId)
			.update();
	}

	/** How many facts wait to be counted. */
	@Transactional(readOnly = true)
	public long waiting() {
		return jdbc.sql("select count(*) from insight_due_fact").query(Long.class).single();
	}
}
