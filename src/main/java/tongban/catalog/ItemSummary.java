package tongban.catalog;

/** One published item in a list. */
public record ItemSummary(String code, String name, String type, String departmentCode, int onlineDepth,
		int requiredVisits, String scope) {
}
