package tongban.catalog;

/**
 * Browse filters; null means any. {@code theme} is a theme name, {@code department} a department code,
 * {@code maxVisits} the most visits acceptable (0 = 零跑腿).
 */
public record ItemFilter(String theme, String department, String type, Integer minDepth, Integer maxVisits, String scope,
		String servedParty) {

	public static ItemFilter any() {
		return new ItemFilter(null, null, null, null, null, null, null);
	}
}
