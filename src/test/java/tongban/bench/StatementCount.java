package tongban.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL did for a benchmark's work: commits (always, from {@code pg_stat_database}) and, when the embedded
 * server was started with {@code -Dtongban.db.statement-statistics=true}, every statement's calls and execution time from
 * {@code pg_stat_statements} (foreign-key checks and other statements inside functions included), per unit of work.
 */
final class StatementCount {

	static final boolean STATEMENTS = Boolean.getBoolean("tongban.db.statement-statistics");

	private final JdbcClient jdbc;
	private final long commitsBefore;

	private StatementCount(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.commitsBefore = commits();
	}

	/** Starts counting now. */
	static StatementCount start(JdbcClient jdbc) {
		if (STATEMENTS) {
			jdbc.sql("create extension if not exists pg_stat_statements").update();
			jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
		}
		return new StatementCount(jdbc);
	}

	/** The commits since {@link #start} and, if counted, the statements, as lines per {@code units} units of work. */
	List<String> report(long units, String unit, int top) {
		double per = Math.max(1, units);
		List<String> lines = new ArrayList<>();
		lines.add(String.format("commits per %s: %.1f", unit, (commits() - commitsBefore) / per));
		if (!STATEMENTS) {
			return lines;
		}
		record Row(String query, long calls, double totalMs) {
		}
		List<Row> rows = jdbc.sql("""
				select regexp_replace(query, '\\s+', ' ', 'g') as query, calls, total_exec_time as total_ms
				from pg_stat_statements
				where dbid = (select oid from pg_database where datname = current_database())
				  and query not like '%pg_stat_statements%'
				order by total_exec_time desc""")
			.query((rs, row) -> new Row(rs.getString("query"), rs.getLong("calls"), rs.getDouble("total_ms")))
			.list();
		long calls = rows.stream().mapToLong(Row::calls).sum();
		double ms = rows.stream().mapToDouble(Row::totalMs).sum();
		lines.add(String.format("statements per %s: %.1f, executing %.2f ms (%d distinct)", unit, calls / per, ms / per, rows.size()));
		rows.stream().limit(top).forEach(row -> lines.add(String.format("  %6.2f calls %6.3f ms  %s", row.calls() / per, row.totalMs() / per,
				row.query().length() > 160 ? row.query().substring(0, 160) + "…" : row.query())));
		return lines;
	}

	private long commits() {
		return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()").query(Long.class).single();
	}
}
