package tongban.directory;

/** One administrative division; {@code parentCode} is null for provinces. */
public record Region(String code, String name, String parentCode, Level level) {

	public enum Level { PROVINCE, PREFECTURE, COUNTY, TOWNSHIP }
}
