package tongban.catalog;

import java.util.List;

/**
 * What an item accepts instead of named materials under 告知承诺制 (国办发〔2020〕42号): the 承诺书's wording (the
 * requirements, the applicant's promise to meet them, the consequences of a false promise and the department's right to
 * check), the materials it replaces (by name, as the item's guide lists them), the share of approved cases checked
 * afterwards (核查, 0–100 %) and the deadline of that check in working days. {@code version} rises with every change of
 * the wording or the replaced materials; a case records the version it was signed under.
 */
public record ItemPromise(String itemCode, String departmentCode, int version, String text, List<String> replaced,
		int samplePercent, int checkDays, boolean active) {

	/** The rate a department starts from when it sets no other (ADR 0033). */
	public static final int DEFAULT_SAMPLE_PERCENT = 20;

	/** The check deadline a department starts from, in working days. */
	public static final int DEFAULT_CHECK_DAYS = 20;

	public ItemPromise {
		replaced = replaced == null ? List.of() : List.copyOf(replaced);
	}

	/** Whether this promise replaces the material of that name. */
	public boolean replaces(String materialName) {
		return replaced.contains(materialName);
	}
}
