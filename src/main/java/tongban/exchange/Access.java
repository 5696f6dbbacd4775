package tongban.exchange;

import java.time.Instant;
import java.util.List;

/** A read of someone's data as shown: when, which department and reader, which fields, why, for which case. */
public record Access(long id, Instant at, String departmentCode, String departmentName, String reader, String resourceName,
		List<String> fieldLabels, String purpose, String caseNumber, String outcome, boolean reported) {
}
