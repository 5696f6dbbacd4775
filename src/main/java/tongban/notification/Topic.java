package tongban.notification;

/**
 * What a message the government sends of its own accord is about; a person may opt out of each topic on their
 * notification preferences. Notices about their own cases, tickets and decisions are not topics: they are owed to the
 * person and always sent (the preferences page says so).
 */
public enum Topic {
	/** 生育: a birth in the family (新生儿出生一件事, subsidies). */
	BIRTH("生育服务"),
	/** 证照到期: a licence in the wallet is about to expire. */
	LICENCE_DUE("证照到期提醒"),
	/** 养老: an age reached (老年人优待证, 高龄津贴). */
	AGEING("养老服务"),
	/** 退休: the statutory retirement age is near. */
	RETIREMENT("退休服务"),
	/** 企业: a company's licence or annual report is due. */
	COMPANY_DUE("企业年报与证照提醒"),
	/** 免申即享: a benefit the person is entitled to without applying. */
	BENEFIT("免申即享待遇"),
	/** 惠企政策: support policies matched to the company. */
	ENTERPRISE_POLICY("惠企政策");

	private final String label;

	Topic(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
