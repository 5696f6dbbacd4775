package tongban.casework;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a member of staff asks to see a case's personal data unmasked (ID numbers, phones, addresses, the applicant's
 * name): 敏感个人信息 is processed only for a specific purpose and when strictly necessary (个人信息保护法 Art. 28), so a
 * reveal states one of these, and the audit entry (DATA_REVEAL) records it beside who and which case.
 */
public enum RevealPurpose {
	/** 核对申请人身份与申请材料. */
	CHECK_IDENTITY,
	/** 联系申请人（补正、核实、现场勘验）. */
	CONTACT_APPLICANT,
	/** 送达办理结果或证照. */
	DELIVER_RESULT,
	/** 答复申请人的查询、投诉或复议. */
	ANSWER_ENQUIRY;

	/** The purpose a form sent, if it is one of these (anything else, blank included, is none). */
	public static Optional<RevealPurpose> parse(String value) {
		return Arrays.stream(values()).filter(purpose -> purpose.name().equals(value)).findFirst();
	}
}
