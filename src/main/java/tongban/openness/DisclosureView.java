package tongban.openness;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import tongban.shared.StatutoryClock;

/**
 * A request for government information as its applicant and the department's staff see it: what was asked, where it
 * stands, its clock, its steps, files (sealed notices and the information provided) and any review or suit filed.
 */
public record DisclosureView(UUID id, String number, String departmentCode, String departmentName, UUID applicantAccountId,
		String applicantName, String partyKind, UUID partyId, String partyName, Disclosure.Applicant applicant, String description,
		Disclosure.Form form, String delivery, String purpose, Disclosure.Status status, OffsetDateTime receivedAt, LocalDate receivedOn,
		LocalDate supplementRequestedOn, String supplementNote, LocalDate supplementDue, LocalDate supplementAnsweredOn,
		String supplementAnswer, String consultationParty, LocalDate consultationStartedOn, LocalDate consultationEndedOn,
		String consultationResult, Disclosure.Extension extensionState, int extensionDays, String extensionReason,
		String extensionRequestedBy, String extensionDecidedBy, Disclosure.Outcome outcome, String outcomeNote, LocalDate concludedOn,
		Clock clock, List<Step> steps, List<File> files, List<Remedy> remedies) {

	/** The clock today: the last day to answer, working days left (negative: overdue), its colour, whether it stands. */
	public record Clock(LocalDate due, int remaining, StatutoryClock.Level level, boolean paused, LocalDate lastSupplementDay,
			LocalDate consultationEnds) {
	}

	public record Step(OffsetDateTime at, String action, String actorName, String note) {
	}

	/** A file of the request: a sealed notice ({@code NOTICE_*}) or information provided ({@code INFORMATION}). */
	public record File(long id, String kind, String name, String contentType, OffsetDateTime createdAt) {

		public boolean notice() {
			return kind.startsWith("NOTICE_");
		}
	}

	public record Remedy(long id, Disclosure.RemedyKind kind, Disclosure.RemedyResult result, LocalDate filedOn) {
	}

	public boolean open() {
		return status.open();
	}

	/** Whether the clock is past its due date while the request is open. */
	public boolean overdue() {
		return open() && clock != null && !clock.paused() && clock.remaining() < 0;
	}
}
