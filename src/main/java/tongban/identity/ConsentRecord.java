package tongban.identity;

import java.time.OffsetDateTime;

/** One line of a person's consent ledger: for what, where it stands after this line, under which notice, when, where. */
public record ConsentRecord(ProcessingPurpose purpose, ConsentStatus status, String noticeVersion, OffsetDateTime at,
		ConsentChannel channel) {
}
