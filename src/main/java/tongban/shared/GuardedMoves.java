package tongban.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A status change written the one way every module writes it: along a {@link StateGraph} edge, as one guarded
 * {@code UPDATE … SET status = :to, <changes> WHERE id = :id AND status = :from}, then the edge's event published. A move
 * the graph does not hold, an event that is not the edge's (a programming mistake), or a row no longer at
 * {@code from} (someone acted first) is refused; the last two as a CONFLICT with the step's code, shown as 409.
 *
 * @param <S> the status enum
 */
public final class GuardedMoves<S extends Enum<S>> {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final StateGraph<S> graph;
	private final String table;

	/** Moves over the rows of {@code table} (a constant of the owning module, never input), keyed by {@code id}. */
	public GuardedMoves(JdbcClient jdbc, ApplicationEventPublisher events, StateGraph<S> graph, String table) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.events = events;
		this.graph = graph;
		this.table = table;
	}

	/**
	 * Moves the row {@code id} from {@code from} to {@code to}, setting {@code changes} (SQL assignments with {@code ?}
	 * for {@code changeParams}, or empty) in the same update, and publishes {@code event}, which must be the edge's.
	 */
	public void move(Object id, S from, S to, Object event, String conflictCode, String changes, Object... changeParams) {
		move(id, from, to, event, conflictCode, null, changes, changeParams);
	}

	/**
	 * As {@link #move(Object, Enum, Enum, Object, String, String, Object...)}, and writes {@code line} (the move's line in
	 * the row's history) in the same statement, only if the row moved: one round trip instead of two.
	 */
	public void move(Object id, S from, S to, Object event, String conflictCode, HistoryLine line, String changes, Object... changeParams) {
		StateGraph.Edge<S> edge = graph.edge(from, to).orElseThrow(() -> conflict(conflictCode, from, to));
		if (!edge.event().equals(event.getClass().getSimpleName())) {
			throw new IllegalStateException("the move " + from + " → " + to + " publishes " + edge.event() + ", not " + event);
		}
		List<Object> params = new ArrayList<>();
		params.add(to.name());
		params.addAll(Arrays.asList(changeParams));
		params.add(id);
		params.add(from.name());
		String update = "update " + table + " set status = ?" + (changes.isEmpty() ? "" : ", " + changes) + " where id = ? and status = ?";
		if (line != null) {
			update = "with moved as (" + update + " returning id) insert into " + line.table() + " (" + line.keyColumn() + ", "
					+ String.join(", ", line.columns()) + ") select id" + ", ?".repeat(line.columns().size()) + " from moved";
			params.addAll(line.values());
		}
		int updated = jdbc.sql(update).params(params).update();
		if (updated == 0) {
			throw conflict(conflictCode, from, to);
		}
		events.publishEvent(event);
	}

	/**
	 * A line of a row's history, written by {@link #move(Object, Enum, Enum, Object, String, HistoryLine, String, Object...)}
	 * into {@code table} (a constant of the owning module) with the moved row's id in {@code keyColumn}.
	 */
	public record HistoryLine(String table, String keyColumn, List<String> columns, List<Object> values) {

		public HistoryLine {
			if (!table.matches("[a-z_]+") || !keyColumn.matches("[a-z_]+") || columns.stream().anyMatch(column -> !column.matches("[a-z_]+"))) {
				throw new IllegalArgumentException("not a table or column name: " + table + " " + keyColumn + " " + columns);
			}
			if (columns.size() != values.size()) {
				throw new IllegalArgumentException(columns.size() + " columns, " + values.size() + " values");
			}
			values = Collections.unmodifiableList(new ArrayList<>(values));
		}
	}

	private static DomainException conflict(String code, Enum<?> from, Enum<?> to) {
		return new DomainException(DomainException.Kind.CONFLICT, code, "not at " + from + " for a move to " + to);
	}
}
