package tongban.shared;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows written with one statement per batch (the history imports, docs/decisions/0028): a thousand rows a round
 * trip instead of one.
 */
public final class Batches {

	/** Rows per batch statement. */
	public static final int SIZE = 1000;

	private Batches() {
	}

	/** Runs {@code sql} once per row, {@link #SIZE} rows a batch, in the caller's transaction. */
	public static void write(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += SIZE) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + SIZE)));
		}
	}

	/** A moment as a JDBC parameter (null stays null). */
	public static Timestamp at(OffsetDateTime at) {
		return at == null ? null : Timestamp.from(at.toInstant());
	}
}
