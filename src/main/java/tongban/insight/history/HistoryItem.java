package tongban.insight.history;

/**
 * A published item as the history generator needs it: its code, version, name and department, its limits (promised
 * and statutory, in {@code limitUnit}), whether it is 即办, the visits the catalogue declares, its online depth and whom it
 * serves.
 */
public record HistoryItem(String code, int version, String name, String departmentCode, boolean immediate, int promisedLimit, int statutoryLimit,
		String limitUnit, int requiredVisits, int onlineDepth, boolean forCitizens, boolean forCompanies) {
}
