package tongban.identity;

/** Roles; staff roles need TOTP two-factor sign-in. */
public enum Role {
	CITIZEN, COUNTER_CLERK, APPROVER, DEPT_ADMIN, PLATFORM_ADMIN, SUPERVISOR;

	public String authority() {
		return "ROLE_" + name();
	}
}
