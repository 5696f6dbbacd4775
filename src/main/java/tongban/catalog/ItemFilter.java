package tongban.catalog;

/**
 * Browse filters; null means any. {@code theme} is a theme name, {@code department} a department code,
 * {@code maxVisits} the most visits acceptable (0 = 零跑腿), {@code region} a region code: items of departments in
 * that region or below it (330000 = 浙江省, 330100 = 杭州市, 330106 = 西湖区).
 */
public record ItemFilter(String theme, String department, String type, Integer minDepth, Integer maxVisits, String scope,
		String servedParty, String region) {

	public ItemFilter(String theme, String department, String type, Integer minDepth, Integer maxVisits, String scope,
			String servedParty) {
		this(theme, department, type, minDepth, maxVisits, scope, servedParty, null);
	}

	public static ItemFilter any() {
		return new ItemFilter(null, null, null, null, null, null, null, null);
	}

	/** The code prefix of everything inside a region: 330000 → 33, 330100 → 3301, 330106 → 330106. */
	public static String regionPrefix(String region) {
		String r = region;
		while (r.length() > 2 && r.endsWith("00")) {
			r = r.substring(0, r.length() - 2);
		}
		return r;
	}
}
