package tongban.casework.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a status change writes besides the status: columns of the case row, each a bound value or the time now. */
public final class Columns {

	private final List<String> assignments = new ArrayList<>();
	private final Map<String, Object> params = new LinkedHashMap<>();

	private Columns() {
	}

	public static Columns none() {
		return new Columns();
	}

	/** The column takes {@code value}. */
	public Columns set(String column, Object value) {
		assignments.add(column + " = :" + column);
		params.put(column, value);
		return this;
	}

	/** The column takes the time of the transaction. */
	public Columns now(String column) {
		assignments.add(column + " = now()");
		return this;
	}

	/** The column takes {@code value} unless it holds one already. */
	public Columns keep(String column, Object value) {
		assignments.add(column + " = coalesce(" + column + ", :" + column + ")");
		params.put(column, value);
		return this;
	}

	/** The assignments as SQL, each preceded by a comma. */
	String sql() {
		return assignments.stream().map(a -> ", " + a).reduce("", String::concat);
	}

	Map<String, Object> params() {
		return params;
	}
}
