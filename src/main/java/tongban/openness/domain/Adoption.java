package tongban.openness.domain;

/** How the department took a comment into account, for its 意见采纳情况. */
public enum Adoption {
	/** 采纳. */
	ADOPTED,
	/** 部分采纳 (with the reason for the part not taken). */
	PARTLY,
	/** 未采纳 (with the reason). */
	NOT_ADOPTED;

	/** Whether the report must give a reason. */
	public boolean needsReason() {
		return this != ADOPTED;
	}
}
