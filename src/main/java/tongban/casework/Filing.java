package tongban.casework;

import java.util.Map;
import java.util.UUID;

import tongban.identity.Party;

/** Who a case is filed for and what it says: what a licence issued on its approval is made from. */
public record Filing(CaseId id, String itemCode, String departmentCode, String regionCode, Party party, Map<String, Object> values,
		UUID applicantAccountId) {
}
