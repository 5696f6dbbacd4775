package tongban.shared;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves a status may make, written down once as a graph whose every edge names the event the move publishes (the
 * way GOV.UK Pay's connector keeps its payment state graph): the code that changes a status asks the graph, the tests
 * walk it, and {@link #mermaid()} draws it for the docs. A move the graph does not hold is refused with a
 * {@link DomainException} of kind {@link DomainException.Kind#CONFLICT} and the graph's stable code, which the web layer
 * shows as 409: the thing moved on since the user looked at it, or never could move that way.
 *
 * @param <S> the status enum
 */
public final class StateGraph<S extends Enum<S>> {

	/** One allowed move and the event it publishes (by the event's simple name). */
	public record Edge<S extends Enum<S>>(S from, S to, String event) {
	}

	private final Class<S> type;
	private final List<Edge<S>> edges;
	private final String conflictCode;

	private StateGraph(Class<S> type, List<Edge<S>> edges, String conflictCode) {
		this.type = type;
		this.edges = List.copyOf(edges);
		this.conflictCode = conflictCode;
	}

	/** Starts a graph over the statuses of {@code type}. */
	public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
		return new Builder<>(type);
	}

	/** Every edge, in the order written. */
	public List<Edge<S>> edges() {
		return edges;
	}

	/** The edge from one status to another, if the graph holds it. */
	public Optional<Edge<S>> edge(S from, S to) {
		return edges.stream().filter(e -> e.from() == from && e.to() == to).findFirst();
	}

	public boolean allows(S from, S to) {
		return edge(from, to).isPresent();
	}

	/** The edge from {@code from} to {@code to}; refused (CONFLICT with the graph's code) when the graph has none. */
	public Edge<S> require(S from, S to) {
		return edge(from, to).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, conflictCode,
				"a " + type.getSimpleName() + " does not move from " + from + " to " + to));
	}

	/** The statuses one move away from {@code from}. */
	public Set<S> next(S from) {
		return edges.stream().filter(e -> e.from() == from).map(Edge::to).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
	}

	/** The statuses from which one move reaches {@code to}. */
	public Set<S> sources(S to) {
		return edges.stream().filter(e -> e.to() == to).map(Edge::from).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
	}

	/** Statuses no edge leaves: the ends of the story. */
	public Set<S> terminal() {
		Set<S> out = EnumSet.allOf(type);
		edges.forEach(e -> out.remove(e.from()));
		return out;
	}

	/** The code of the conflict a refused move raises. */
	public String conflictCode() {
		return conflictCode;
	}

	/**
	 * The graph as a Mermaid {@code stateDiagram-v2}: {@code initial} marked as the start, terminal statuses as ends,
	 * each edge labelled with its event.
	 */
	public String mermaid(S initial) {
		StringBuilder out = new StringBuilder("stateDiagram-v2\n");
		out.append("    [*] --> ").append(initial.name()).append('\n');
		for (Edge<S> e : edges) {
			out.append("    ").append(e.from().name()).append(" --> ").append(e.to().name()).append(" : ").append(e.event()).append('\n');
		}
		for (S end : terminal()) {
			out.append("    ").append(end.name()).append(" --> [*]\n");
		}
		return out.toString();
	}

	/** Writes a graph edge by edge; an edge written twice or without an event is a mistake caught at startup. */
	public static final class Builder<S extends Enum<S>> {

		private final Class<S> type;
		private final List<Edge<S>> edges = new ArrayList<>();

		private Builder(Class<S> type) {
			this.type = type;
		}

		/** An edge publishing the event of this type (named by its simple name). */
		public Builder<S> edge(S from, S to, Class<?> event) {
			return edge(from, to, event.getSimpleName());
		}

		public Builder<S> edge(S from, S to, String event) {
			if (event == null || event.isBlank()) {
				throw new IllegalArgumentException("the edge " + from + " → " + to + " names no event");
			}
			if (edges.stream().anyMatch(e -> e.from() == from && e.to() == to)) {
				throw new IllegalArgumentException("the edge " + from + " → " + to + " is written twice");
			}
			edges.add(new Edge<>(from, to, event));
			return this;
		}

		/** The graph; a refused move raises a conflict with {@code conflictCode}. */
		public StateGraph<S> build(String conflictCode) {
			return new StateGraph<>(type, edges, conflictCode);
		}
	}
}
