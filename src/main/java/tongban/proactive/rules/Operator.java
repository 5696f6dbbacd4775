package tongban.proactive.rules;

/**
 * How a condition compares a register field with its value. Ages and day counts are reckoned on the day given (from
 * the one clock, Asia/Shanghai); a field that is missing or not of the operator's type never matches.
 */
public enum Operator {
	/** The field equals the value. */
	EQUALS("为"),
	/** The field differs from the value. */
	NOT_EQUALS("不为"),
	/** The field is one of the values, separated by 、 or commas. */
	ONE_OF("属于"),
	/** The field starts with the value (an address within a district, an industry code within its section). */
	STARTS_WITH("以…开头"),
	/** The field, a number, is at least the value. */
	AT_LEAST("不少于"),
	/** The field, a number, is at most the value. */
	AT_MOST("不超过"),
	/** The field, a date of birth, gives an age in whole years of at least the value. */
	AGE_AT_LEAST("年满"),
	/** The field, a date of birth, gives an age in whole years below the value. */
	AGE_BELOW("未满"),
	/** The field, a date, falls from today to the value's number of days ahead (a licence expiring, a report due). */
	DUE_WITHIN_DAYS("在…天内到期"),
	/** The field, a date, fell within the value's number of days up to today (a birth, a change). */
	SINCE_WITHIN_DAYS("在近…天内");

	private final String words;

	Operator(String words) {
		this.words = words;
	}

	/** The operator in plain words, for explanations. */
	public String words() {
		return words;
	}

	/** Whether the value must be a whole number of years or days. */
	public boolean numeric() {
		return this == AT_LEAST || this == AT_MOST || this == AGE_AT_LEAST || this == AGE_BELOW || this == DUE_WITHIN_DAYS
				|| this == SINCE_WITHIN_DAYS;
	}

	/** Whether the field must be a date. */
	public boolean onDates() {
		return this == AGE_AT_LEAST || this == AGE_BELOW || this == DUE_WITHIN_DAYS || this == SINCE_WITHIN_DAYS;
	}
}
