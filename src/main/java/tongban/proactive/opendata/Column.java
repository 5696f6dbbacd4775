package tongban.proactive.opendata;

/**
 * One column of a dataset's data dictionary (数据字典): its name in files and the API, its label, its type
 * ({@code string}, {@code integer}, {@code date}, {@code month}), its unit (empty when none) and what it means.
 */
public record Column(String name, String label, String type, String unit, String description) {

	/** Whether the column holds counts of people or things (an aggregate cell), written as numbers where they are. */
	public boolean numeric() {
		return "integer".equals(type);
	}
}
