package tongban.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A signed-in member of staff as every module sees them: their account, name, department code (null when they belong to
 * none), the region they supervise (null when none), their roles, and whether they confirmed their second factor
 * (TOTP) in the sign-in they act in (false when read from the account outside a sign-in, and for API tokens). Web
 * handlers receive it with {@link tongban.identity.web.CurrentStaff}; module APIs take it instead of a security object.
 */
public record StaffMember(UUID id, String name, String departmentCode, String regionScope, Set<Role> roles, boolean secondFactor) {

	public StaffMember {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}

	public StaffMember(UUID id, String name, String departmentCode, String regionScope, Set<Role> roles) {
		this(id, name, departmentCode, regionScope, roles, false);
	}

	/** The same member of staff, as signed in with (or without) the second factor confirmed. */
	public StaffMember withSecondFactor(boolean confirmed) {
		return new StaffMember(id, name, departmentCode, regionScope, roles, confirmed);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Whether they hold at least one of these roles. */
	public boolean hasAny(Role... wanted) {
		for (Role role : wanted) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
