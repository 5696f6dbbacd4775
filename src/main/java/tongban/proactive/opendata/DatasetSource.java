package tongban.proactive.opendata;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a dataset's rows come from: a register read through the exchange module, or another module's statistics through
 * its root API. A source hands out rows (cells in the order of {@link #columns()}) that hold no personal data: only
 * fields the catalogue marks PUBLIC, or counts with small cells already suppressed.
 */
public interface DatasetSource {

	/** Reads a register (as the platform's data-opening office) with this purpose (数据开放). */
	String PURPOSE = "数据开放";

	/** The stable key a dataset names its source by. */
	String key();

	/** The data dictionary of the rows this source makes. */
	List<Column> columns();

	/**
	 * The register whose records this source publishes one row per record (its open class then decides the dataset's),
	 * or null for aggregates and the platform's statistics.
	 */
	default String rowsOf() {
		return null;
	}

	/** Makes every row, handing each to {@code sink}; {@code reference} names the dataset version for register reads. */
	void rows(String reference, Consumer<List<String>> sink);

	/** A source of this key and dictionary whose rows {@code rows} makes (given the reference and the sink). */
	static DatasetSource of(String key, String rowsOf, List<Column> columns, BiConsumer<String, Consumer<List<String>>> rows) {
		return new Defined(key, rowsOf, columns, rows);
	}

	/** A source written as its parts. */
	record Defined(String key, String rowsOf, List<Column> columns, BiConsumer<String, Consumer<List<String>>> maker) implements DatasetSource {

		@Override
		public void rows(String reference, Consumer<List<String>> sink) {
			maker.accept(reference, sink);
		}
	}
}
