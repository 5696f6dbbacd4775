package tongban.proactive.promise;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 失信记录 of a false promise: the party (person or company), the case and item, the day it was recorded and the last
 * day of the restriction on promising again, the findings of the check and who recorded it.
 */
public record PromiseBreach(UUID id, String partyKind, UUID partyId, String partyName, UUID caseId, String caseNumber, String itemCode,
		String itemName, String departmentCode, LocalDate recordedOn, LocalDate restrictedUntil, String findings, String recordedBy) {

	/** Whether the restriction is still in force on {@code today}. */
	public boolean inForce(LocalDate today) {
		return !restrictedUntil.isBefore(today);
	}
}
