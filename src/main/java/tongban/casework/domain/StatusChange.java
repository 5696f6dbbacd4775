package tongban.casework.domain;

import java.util.UUID;

import tongban.casework.CaseStatus;

/** A move of one case's status that the status graph allows, to be written only if the case is still {@code from}. */
public record StatusChange(UUID caseId, CaseStatus from, CaseStatus to, String event) {
}
