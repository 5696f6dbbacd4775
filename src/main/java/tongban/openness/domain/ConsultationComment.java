package tongban.openness.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment on one question of a consultation, with its moderation and, after closing, its adoption. */
public record ConsultationComment(UUID id, UUID consultationId, long questionId, String body, UUID accountId,
		CommentStatus status, String holdReason, String moderatedBy, OffsetDateTime moderatedAt, Adoption adoption,
		String adoptionReason, OffsetDateTime createdAt) {
}
