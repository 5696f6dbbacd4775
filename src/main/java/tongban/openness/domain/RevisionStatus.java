package tongban.openness.domain;

import java.util.UUID;

import tongban.shared.StateGraph;

/**
 * Where one revision (a version of a publication's content, or a proposed change of a policy's validity) stands in the
 * editorial workflow: the editor drafts, the department's reviewer does the 保密审查 (政府信息公开条例 Art. 17: information
 * is reviewed for secrets before it is published) and either approves it, which makes it the live version, or returns
 * it to the editor. An approved revision is superseded when a later one is approved.
 */
public enum RevisionStatus {
	DRAFT, IN_REVIEW, APPROVED, SUPERSEDED;

	public static final String CONFLICT = "openness-revision-state";

	/** Events of the moves of a revision; only the workflow listens (the public events are the module's own). */
	public record RevisionSubmitted(UUID revisionId) {
	}

	public record RevisionReturned(UUID revisionId) {
	}

	public record RevisionApproved(UUID revisionId) {
	}

	public record RevisionSuperseded(UUID revisionId) {
	}

	public static final StateGraph<RevisionStatus> GRAPH = StateGraph.of(RevisionStatus.class)
		.edge(DRAFT, IN_REVIEW, RevisionSubmitted.class)
		.edge(IN_REVIEW, DRAFT, RevisionReturned.class)
		.edge(IN_REVIEW, APPROVED, RevisionApproved.class)
		.edge(APPROVED, SUPERSEDED, RevisionSuperseded.class)
		.build(CONFLICT);

	/** Still being worked on: a publication has at most one such revision. */
	public boolean open() {
		return this == DRAFT || this == IN_REVIEW;
	}
}
