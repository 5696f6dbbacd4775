package tongban.identity;

/** Roles; staff roles need TOTP two-factor sign-in. */
public enum Role {
	CITIZEN, COUNTER_CLERK, APPROVER, DEPT_ADMIN, PLATFORM_ADMIN, SUPERVISOR,
	/** 12345 hotline: takes calls, dispatches, closes and revisits tickets. */
	HOTLINE_OPERATOR;

	public String authority() {
		return "ROLE_" + name();
	}
}
