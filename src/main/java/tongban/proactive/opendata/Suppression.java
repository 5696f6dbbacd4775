package tongban.proactive.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Small-cell suppression of published counts of people (统计数据脱敏): a count of 1 to {@value #THRESHOLD} − 1 is
 * shown as {@value #SHOWN}. Complementary suppression: within each group (the cells a published or well-known total adds
 * up, e.g. one township's age bands) where exactly one cell is suppressed, the next smallest cell of the group is
 * suppressed too, so that the group's total less the others does not give the hidden count back. Zero cells are not
 * published at all (no row for them).
 */
public final class Suppression {

	/** Cells under this many people are suppressed. */
	public static final int THRESHOLD = 5;

	/** How a suppressed cell is shown. */
	public static final String SHOWN = "<5";

	private Suppression() {
	}

	/** One count of a group: the row's other cells and the count. */
	public record Cell(List<String> key, long count) {
	}

	/**
	 * The rows (the key's cells and then the count or {@value #SHOWN}) of the cells, zero cells left out, small ones
	 * suppressed, complementary suppression applied within each group named by {@code groupOf}.
	 */
	public static List<List<String>> apply(List<Cell> cells, Function<Cell, String> groupOf) {
		Map<String, List<Cell>> groups = new LinkedHashMap<>();
		for (Cell cell : cells) {
			if (cell.count() > 0) {
				groups.computeIfAbsent(groupOf.apply(cell), g -> new ArrayList<>()).add(cell);
			}
		}
		List<Cell> hidden = new ArrayList<>();
		for (List<Cell> group : groups.values()) {
			List<Cell> small = group.stream().filter(c -> c.count() < THRESHOLD).toList();
			hidden.addAll(small);
			if (small.size() == 1 && group.size() > 1) {
				group.stream().filter(c -> c.count() >= THRESHOLD).min(Comparator.comparingLong(Cell::count)).ifPresent(hidden::add);
			}
		}
		List<List<String>> rows = new ArrayList<>();
		for (List<Cell> group : groups.values()) {
			for (Cell cell : group) {
				List<String> row = new ArrayList<>(cell.key());
				row.add(hidden.contains(cell) ? SHOWN : Long.toString(cell.count()));
				rows.add(row);
			}
		}
		return rows;
	}
}
