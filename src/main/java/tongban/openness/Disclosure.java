package tongban.openness;

/**
 * The vocabulary of 依申请公开 (政府信息公开条例 2019, Arts. 27–45): a request's statuses, the answer's outcome types as
 * the national annual-report format counts them (国办公开办函〔2021〕30号, section 三), who applied (the format's columns),
 * how the applicant wants the information, and the reviews and suits filed over an answer (section 四).
 */
public final class Disclosure {

	private Disclosure() {
	}

	/** Where a request stands; the moves between them are {@code DisclosureTransitions}. */
	public enum Status {
		/** Received (Art. 31): the clock runs. */
		RECEIVED,
		/** 补正 asked (Art. 30): the clock stands until the applicant answers. */
		SUPPLEMENT_REQUESTED,
		/** 征求第三方意见 (Art. 32): the consultation's time does not count. */
		CONSULTING,
		/** Answered with an {@link Outcome} and a sealed 告知书 (Art. 36). */
		ANSWERED,
		/** Deemed withdrawn: no 补正 within the period given (Art. 30). */
		WITHDRAWN;

		public boolean open() {
			return this == RECEIVED || this == SUPPLEMENT_REQUESTED || this == CONSULTING;
		}
	}

	/** The rows of section 三 that an answer falls in. */
	public enum Group {
		DISCLOSED("（一）予以公开"), PARTLY("（二）部分公开"), WITHHELD("（三）不予公开"), UNAVAILABLE("（四）无法提供"), NOT_PROCESSED("（五）不予处理"),
		OTHER("（六）其他处理");

		private final String label;

		Group(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * An answer's outcome: a row of section 三 of the national format, with the article of the 条例 the 告知书 cites. One
	 * answer is one outcome (部分公开 counts only as such, as the format says).
	 */
	public enum Outcome {
		DISCLOSED(Group.DISCLOSED, "予以公开", "第三十六条第（二）项"),
		PARTLY_DISCLOSED(Group.PARTLY, "部分公开", "第三十七条"),
		WITHHELD_STATE_SECRET(Group.WITHHELD, "属于国家秘密", "第十四条"),
		WITHHELD_PROHIBITED(Group.WITHHELD, "其他法律行政法规禁止公开", "第十四条"),
		WITHHELD_SECURITY(Group.WITHHELD, "危及“三安全一稳定”", "第十四条"),
		WITHHELD_THIRD_PARTY(Group.WITHHELD, "保护第三方合法权益", "第十五条"),
		WITHHELD_INTERNAL(Group.WITHHELD, "属于三类内部事务信息", "第十六条第一款"),
		WITHHELD_PROCESS(Group.WITHHELD, "属于四类过程性信息", "第十六条第二款"),
		WITHHELD_ENFORCEMENT(Group.WITHHELD, "属于行政执法案卷", "第十六条第二款"),
		WITHHELD_QUERY(Group.WITHHELD, "属于行政查询事项", "第三十六条第（七）项"),
		UNAVAILABLE_NOT_HELD(Group.UNAVAILABLE, "本机关不掌握相关政府信息", "第三十六条第（四）项、第（五）项"),
		UNAVAILABLE_TO_BE_MADE(Group.UNAVAILABLE, "没有现成信息需要另行制作", "第三十八条"),
		UNAVAILABLE_UNCLEAR(Group.UNAVAILABLE, "补正后申请内容仍不明确", "第三十条"),
		NOT_PROCESSED_PETITION(Group.NOT_PROCESSED, "信访举报投诉类申请", "第三十九条第一款"),
		NOT_PROCESSED_REPEATED(Group.NOT_PROCESSED, "重复申请", "第三十六条第（六）项"),
		NOT_PROCESSED_PUBLICATION(Group.NOT_PROCESSED, "要求提供公开出版物", "第三十九条第二款"),
		NOT_PROCESSED_EXCESSIVE(Group.NOT_PROCESSED, "无正当理由大量反复申请", "第三十五条"),
		NOT_PROCESSED_CONFIRMATION(Group.NOT_PROCESSED, "要求行政机关确认或重新出具已获取信息", "第三十九条第二款"),
		OTHER_NO_SUPPLEMENT(Group.OTHER, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条"),
		OTHER_FEE_UNPAID(Group.OTHER, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "第四十二条"),
		OTHER(Group.OTHER, "其他", "");

		private final Group group;
		private final String label;
		private final String article;

		Outcome(Group group, String label, String article) {
			this.group = group;
			this.label = label;
			this.article = article;
		}

		public Group group() {
			return group;
		}

		/** The row's wording in the national format. */
		public String label() {
			return label;
		}

		/** The article of the 条例 the 告知书 cites; empty for 其他. */
		public String article() {
			return article;
		}

		/** The outcome in words: the group, and the reason where the group has several (不予公开（属于国家秘密）). */
		public String describe() {
			String name = group.label().substring(3);
			return group == Group.DISCLOSED || group == Group.PARTLY ? name : name + "（" + label + "）";
		}

		/** Whether staff answer with it on the workbench (逾期不补正 is the scheduled pass's, never a choice). */
		public boolean chosenByStaff() {
			return this != OTHER_NO_SUPPLEMENT;
		}

		/** Whether information goes to the applicant with the answer. */
		public boolean providesInformation() {
			return this == DISCLOSED || this == PARTLY_DISCLOSED;
		}
	}

	/** The applicant columns of section 三: 自然人, then 法人或其他组织 by kind. */
	public enum Applicant {
		NATURAL_PERSON("自然人"), COMMERCIAL("商业企业"), RESEARCH("科研机构"), PUBLIC_WELFARE("社会公益组织"), LEGAL_SERVICE("法律服务机构"),
		OTHER_ORGANISATION("其他");

		private final String label;

		Applicant(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public boolean organisation() {
			return this != NATURAL_PERSON;
		}
	}

	/** The form the applicant asks the information in (Art. 29: 获取信息的方式、途径). */
	public enum Form {
		PAPER("纸质"), EMAIL("电子邮件"), DOWNLOAD("在线下载");

		private final String label;

		Form(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Whether the extension asked by the officer is waiting for, got or was refused the head's approval (Art. 33). */
	public enum Extension { NONE, REQUESTED, APPROVED, REFUSED }

	/** The kinds of section 四: 行政复议, and 行政诉讼 with or without a review first. */
	public enum RemedyKind {
		REVIEW("行政复议"), SUIT_DIRECT("行政诉讼（未经复议直接起诉）"), SUIT_AFTER_REVIEW("行政诉讼（复议后起诉）");

		private final String label;

		RemedyKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The results of section 四. */
	public enum RemedyResult {
		UPHELD("结果维持"), CORRECTED("结果纠正"), OTHER("其他结果"), PENDING("尚未审结");

		private final String label;

		RemedyResult(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
