package tongban.openness;

import java.util.UUID;

/**
 * A publication stopped being current: withdrawn (its page is then 404), or a policy became 失效, 废止 or 已修订 (its page
 * stays and says so). Search and the knowledge base drop it at once.
 */
public record PublicationRetracted(UUID publicationId, PublicationKind kind, Reason reason) {

	public enum Reason {
		WITHDRAWN, EXPIRED, REPEALED, SUPERSEDED
	}
}
