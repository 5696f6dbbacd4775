package tongban.feedback;

import java.util.UUID;

/** A counter clerk as the visit records them. */
public record Clerk(UUID accountId, String name, String departmentCode, String regionCode) {
}
