package tongban.openness.domain;

import java.util.UUID;

/**
 * Facts about 征求意见 consultations and their comments, each the event of one edge of {@link ConsultationStatus#GRAPH}
 * or {@link CommentStatus#GRAPH}. Nothing outside the module listens yet; they are what a search index or a
 * notification would take.
 */
public final class ConsultationEvents {

	private ConsultationEvents() {
	}

	/** The editor sent the draft consultation to the department's reviewer. */
	public record ConsultationSubmitted(UUID consultationId) {
	}

	/** The reviewer sent it back to the editor with a reason. */
	public record ConsultationReturned(UUID consultationId) {
	}

	/** The reviewer signed it off: it is public, upcoming or open by its dates. */
	public record ConsultationPublished(UUID consultationId) {
	}

	/** After closing, the department published its 意见采纳情况. */
	public record ConsultationReported(UUID consultationId) {
	}

	/** The editor published a comment. */
	public record CommentPublished(UUID commentId, UUID consultationId) {
	}

	/** The editor held a comment back with a reason. */
	public record CommentHeld(UUID commentId, UUID consultationId) {
	}
}
