package tongban.openness.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One revision: a version's content or a proposed validity change, with who wrote and who reviewed it. */
public record RevisionRow(UUID id, UUID publicationId, int versionNo, Purpose purpose, RevisionStatus status,
		PublicationContent content, UUID authorId, String authorName, OffsetDateTime submittedAt, UUID reviewerId,
		String reviewerName, OffsetDateTime reviewedAt, String reviewNote, OffsetDateTime createdAt) {

	/** What the revision changes: the content (a new version), or only a policy's validity. */
	public enum Purpose {
		CONTENT, VALIDITY
	}
}
