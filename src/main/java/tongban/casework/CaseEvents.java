package tongban.casework;

import java.util.List;
import java.util.UUID;

/** Facts about cases, published through the Modulith event registry (so none is lost between modules). */
public final class CaseEvents {

	private CaseEvents() {
	}

	public record CaseAccepted(UUID caseId, String caseNumber, String acceptanceNo) {
	}

	public record SupplementRequested(UUID caseId, String caseNumber, List<String> materials) {
	}

	/** The applicant resubmitted every requested material: the waiting process continues. */
	public record SupplementProvided(UUID caseId, String caseNumber) {
	}

	public record CaseApproved(UUID caseId, String caseNumber) {
	}

	/** A special procedure started: the clock stops; the applicant is told in writing. */
	public record SpecialProcedureStarted(UUID caseId, String caseNumber, String kind, String reason) {
	}

	/** The limit was extended with the head's approval; the applicant is told why. */
	public record CaseExtended(UUID caseId, String caseNumber, int days, String reason) {
	}

	public record CaseDenied(UUID caseId, String caseNumber, String reason) {
	}

	public record CaseConcluded(UUID caseId, String caseNumber, String outcome) {
	}
}
