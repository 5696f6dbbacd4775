package tongban.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The applicant's choice to promise (告知承诺) instead of supplying {@code replaced} materials, with the 承诺书 as it was
 * shown ({@code version} and {@code text} of the item's promise then), whether they ticked it, the name they typed and
 * the name it had to match (the citizen's own, or for a company the representative or agent who signs), and when.
 */
public record CasePromise(CaseId caseId, String itemCode, int version, String text, List<String> replaced, boolean agreed,
		String signedName, String expectedName, OffsetDateTime signedAt) {

	public CasePromise {
		replaced = replaced == null ? List.of() : List.copyOf(replaced);
	}

	/** Ticked and signed with the matching name: the replaced materials are then not required. */
	public boolean signed() {
		return agreed && signedName != null && signedName.equals(expectedName) && signedAt != null;
	}
}
