package tongban.proactive.enterprise;

import java.util.List;

import tongban.proactive.rules.Condition;

/**
 * A policy as a department admin enters it, before it is checked: dates as typed (yyyy-MM-dd; the last day may be
 * empty), the catalogue item's code (empty: 免申即享), the document's 文号 and public page.
 */
public record PolicyDraft(String title, String summary, String benefit, List<Condition> conditions, String validFrom, String validUntil,
		String itemCode, String documentNumber, String documentUrl) {

	public PolicyDraft {
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
	}
}
