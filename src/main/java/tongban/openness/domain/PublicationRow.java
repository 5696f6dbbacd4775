package tongban.openness.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.Disclosure;

/**
 * A publication as stored: its kind, owning department and status, and the facts of its live revision that lists,
 * feeds and counts filter on (null before it is first published).
 */
public record PublicationRow(UUID id, PublicationKind kind, String departmentCode, PublicationStatus status, Integer liveVersion,
		String title, String docNumber, String docType, String topic, String category, Disclosure disclosure, LocalDate publishedOn,
		UUID policyId, Validity validity, LocalDate validityOn, UUID replacedBy, String withdrawnReason, OffsetDateTime updatedAt) {

	/** Whether anyone may read it: published, and for a policy only if it is 主动公开. */
	public boolean isPublic() {
		return status == PublicationStatus.PUBLISHED && (kind != PublicationKind.POLICY || disclosure == Disclosure.PROACTIVE);
	}

	/** Its public page. */
	public String path() {
		return path(kind, id);
	}

	public static String path(PublicationKind kind, UUID id) {
		return switch (kind) {
			case POLICY -> "/policies/" + id;
			case INTERPRETATION -> "/interpretations/" + id;
			case ARTICLE -> "/articles/" + id;
		};
	}
}
