package tongban.openness.domain;

import java.util.UUID;

import tongban.openness.PublicationPublished;
import tongban.openness.PublicationRetracted;
import tongban.shared.StateGraph;

/**
 * Where a publication stands as the public sees it: never published yet, public (its live revision passed the 保密审查),
 * or withdrawn (its page is then 404). New versions of a public publication do not move it: they are revisions
 * ({@link RevisionStatus}).
 */
public enum PublicationStatus {
	/** Not yet published: only its department's staff see it. */
	DRAFT,
	/** Its live revision passed the review and is public (if its 公开方式 is 主动公开). */
	PUBLISHED,
	/** Withdrawn with a reason: no public page, gone from lists and feeds. */
	WITHDRAWN;

	public static final String CONFLICT = "openness-publication-state";

	/**
	 * The first version passed the review. {@link PublicationPublished} follows for what the public may read (a policy
	 * 依申请公开 or 不予公开 is published for the record but has no public page).
	 */
	public record FirstVersionApproved(UUID publicationId) {
	}

	public static final StateGraph<PublicationStatus> GRAPH = StateGraph.of(PublicationStatus.class)
		.edge(DRAFT, PUBLISHED, FirstVersionApproved.class)
		.edge(PUBLISHED, WITHDRAWN, PublicationRetracted.class)
		.build(CONFLICT);
}
