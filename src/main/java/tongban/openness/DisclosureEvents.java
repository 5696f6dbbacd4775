package tongban.openness;

import java.time.LocalDate;
import java.util.UUID;

/** What happens to a request for government information; each status move publishes one (see DisclosureTransitions). */
public final class DisclosureEvents {

	private DisclosureEvents() {
	}

	/** A request was received and acknowledged: its clock starts. */
	public record RequestReceived(UUID requestId, String number, String departmentCode, LocalDate due) {
	}

	/** A 补正 was asked within 7 working days of receipt: the clock stands until {@code until}. */
	public record SupplementRequested(UUID requestId, String number, String note, LocalDate until) {
	}

	/** The applicant answered the 补正: the period runs from today (Art. 30). */
	public record SupplementAnswered(UUID requestId, String number) {
	}

	/** No 补正 within the period given: the request is deemed withdrawn (Art. 30). */
	public record DeemedWithdrawn(UUID requestId, String number) {
	}

	/** A third party is consulted (Art. 32): its time does not count, at most 15 working days. */
	public record ConsultationStarted(UUID requestId, String number, String party) {
	}

	/** The third party's opinion came in (or the officer ended the consultation). */
	public record ConsultationEnded(UUID requestId, String number) {
	}

	/** The head approved an extension (Art. 33): the applicant is told in writing. */
	public record ExtensionApproved(UUID requestId, String number, int days, String reason, LocalDate due) {
	}

	/** The request was answered with an outcome and a sealed 告知书. */
	public record RequestAnswered(UUID requestId, String number, String departmentCode, Disclosure.Outcome outcome) {
	}
}
