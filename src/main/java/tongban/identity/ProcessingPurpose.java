package tongban.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the platform processes a person's information, each purpose with its lawful basis under 个人信息保护法 Art. 13
 * para. 1. Only purposes resting on consent (item 1) are given and withdrawn (Art. 15); the others rest on a contract
 * the person asked for or on the departments' statutory duties, so no withdrawal applies and the privacy centre says so,
 * citing the item.
 */
public enum ProcessingPurpose {

	/** The account: name, ID number, mobile, to identify the person (consent; withdrawn by closing the account). */
	REGISTRATION(LegalBasis.CONSENT, "第十三条第一款第（一）项", false),
	/** 为您推荐: life-event recommendations from register data, told to the person (consent, withdrawable). */
	PROACTIVE(LegalBasis.CONSENT, "第十三条第一款第（一）项", true),
	/** 免提交: a form prefilled from registers the government holds (consent, asked again on each application). */
	PREFILL(LegalBasis.CONSENT, "第十三条第一款第（一）项", false),
	/** Handling a case the person filed (the application is the request; the law sets the procedure). */
	CASE_HANDLING(LegalBasis.CONTRACT_OR_DUTY, "第十三条第一款第（二）项、第（三）项", false),
	/** Departments reading each other's data under grants that each name a legal basis, to handle the person's case. */
	SHARING(LegalBasis.STATUTORY_DUTY, "第十三条第一款第（三）项", false),
	/** 12345 tickets the person filed: received, dispatched, answered as the hotline rules require. */
	HOTLINE(LegalBasis.STATUTORY_DUTY, "第十三条第一款第（三）项", false),
	/** 免申即享 decisions under a published benefit policy, and the records (archives, audit trail) the law requires. */
	STATUTORY_RECORDS(LegalBasis.STATUTORY_DUTY, "第十三条第一款第（三）项、第（七）项", false);

	/** The lawful basis (个人信息保护法 Art. 13 para. 1). */
	public enum LegalBasis { CONSENT, CONTRACT_OR_DUTY, STATUTORY_DUTY }

	private final LegalBasis basis;
	private final String article;
	private final boolean withdrawable;

	ProcessingPurpose(LegalBasis basis, String article, boolean withdrawable) {
		this.basis = basis;
		this.article = article;
		this.withdrawable = withdrawable;
	}

	public LegalBasis basis() {
		return basis;
	}

	/** The item of 个人信息保护法 Art. 13 the purpose rests on, as the page cites it. */
	public String article() {
		return article;
	}

	public boolean consentBased() {
		return basis == LegalBasis.CONSENT;
	}

	/** Whether the person can withdraw (and give again) this consent from the privacy centre. */
	public boolean withdrawable() {
		return withdrawable;
	}

	/** The purpose of a code as a URL carries it; empty for anything else. */
	public static Optional<ProcessingPurpose> ofCode(String code) {
		return Arrays.stream(values()).filter(purpose -> purpose.name().equals(code)).findFirst();
	}
}
