package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Small cells are hidden, and a second cell with them where a group's total would give one back. */
class SuppressionTest {

	@Test
	void hidesCellsUnderFiveAndLeavesOutZeros() {
		List<List<String>> rows = Suppression.apply(List.of(cell("A", "男", 12), cell("A", "女", 4), cell("A", "未详", 3), cell("B", "男", 0),
				cell("B", "女", 5)), c -> c.key().getFirst());
		assertThat(rows).containsExactly(List.of("A", "男", "12"), List.of("A", "女", "<5"), List.of("A", "未详", "<5"), List.of("B", "女", "5"));
	}

	@Test
	void aLoneHiddenCellTakesTheGroupsNextSmallestWithIt() {
		// band 80+: 男 3 is hidden; were 女 9 and 男 shown with the band's total of 12 known, 12 − 9 = 3 would be plain
		List<List<String>> rows = Suppression.apply(List.of(cell("80+", "男", 3), cell("80+", "女", 9), cell("60-79", "男", 40),
				cell("60-79", "女", 41)), c -> c.key().getFirst());
		assertThat(rows).containsExactly(List.of("80+", "男", "<5"), List.of("80+", "女", "<5"), List.of("60-79", "男", "40"),
				List.of("60-79", "女", "41"));
	}

	@Test
	void theComplementIsTheSmallestShownCell() {
		List<List<String>> rows = Suppression.apply(List.of(cell("g", "a", 2), cell("g", "b", 30), cell("g", "c", 7)), c -> c.key().getFirst());
		assertThat(rows).containsExactly(List.of("g", "a", "<5"), List.of("g", "b", "30"), List.of("g", "c", "<5"));
	}

	private static Suppression.Cell cell(String group, String key, long count) {
		return new Suppression.Cell(List.of(group, key), count);
	}
}
