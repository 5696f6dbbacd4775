package tongban.casework;

import java.time.LocalDate;
import java.util.UUID;

/** What a notice to the applicant names: one light read, for the notification listeners. */
public record Notice(UUID applicantAccountId, String itemName, String caseNumber, LocalDate promisedDate) {
}
