package tongban.identity;

import java.util.Set;
import java.util.UUID;

/** What other modules may know of an account; personal numbers only masked. */
public record AccountSummary(UUID id, String displayName, String maskedIdNumber, String maskedMobile, int assuranceLevel,
		boolean staff, UUID departmentId, String regionScope, Set<Role> roles) {
}
