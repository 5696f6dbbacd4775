package tongban.openness;

/** What a publication is: the content types of 政务公开. */
public enum PublicationKind {
	/** 通知公告、政务动态. */
	ARTICLE,
	/** 政策文件 (规范性文件 and other policy documents), with 文号 and validity. */
	POLICY,
	/** 政策解读: text, 图解 or questions and answers, linked to the policy it explains. */
	INTERPRETATION
}
