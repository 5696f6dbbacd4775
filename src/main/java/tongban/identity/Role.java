package tongban.identity;

/** Roles; staff roles need TOTP two-factor sign-in. */
public enum Role {
	CITIZEN, COUNTER_CLERK, APPROVER, DEPT_ADMIN, PLATFORM_ADMIN, SUPERVISOR,
	/** 12345 hotline: takes calls, dispatches, closes and revisits tickets. */
	HOTLINE_OPERATOR,
	/** 政务公开: drafts publications, policies, interpretations and consultations of the department. */
	INFO_EDITOR,
	/** 政务公开: the confidentiality review (保密审查) that must pass before anything is published. */
	INFO_REVIEWER,
	/** 依申请公开: handles requests for government information (信息公开经办人). */
	DISCLOSURE_OFFICER,
	/** 领导: reads the dashboards, assessment and trends of their department's region; changes nothing. */
	LEADER;

	public String authority() {
		return "ROLE_" + name();
	}
}
