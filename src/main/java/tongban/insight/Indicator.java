package tongban.insight;

import java.util.Arrays;
import java.util.Optional;

/**
 * The published indicator system: each indicator is a formula over daily {@link Measure}s, with the direction that
 * counts as better. Codes are stable (they are the API's {@code indicator} parameter); labels are the names people
 * read.
 */
public enum Indicator {
	ONLINE_RATE("online-rate", "网办率", Formula.RATE, Measure.CASES_ONLINE, Measure.CASES_SUBMITTED, true),
	FULLY_ONLINE_RATE("fully-online-rate", "全程网办率", Formula.RATE, Measure.CASES_FULLY_ONLINE, Measure.CASES_CONCLUDED, true),
	IMMEDIATE_RATE("immediate-rate", "即办率", Formula.RATE, Measure.CASES_IMMEDIATE, Measure.CASES_CONCLUDED, true),
	TIME_COMPRESSION("time-compression", "承诺时限压缩比", Formula.SAVING, Measure.PROMISED_DAYS, Measure.STATUTORY_DAYS, true),
	ON_TIME_RATE("on-time-rate", "按时办结率", Formula.RATE, Measure.CASES_ON_TIME, Measure.CASES_CONCLUDED, true),
	OVERDUE_CASES("overdue-cases", "超期件数", Formula.COUNT, Measure.CASES_OVERDUE, null, false),
	VISITS_PER_CASE("visits-per-case", "实际跑动次数", Formula.AVERAGE, Measure.VISITS, Measure.CASES_CONCLUDED, false),
	DECLARED_VISITS_PER_CASE("declared-visits-per-case", "承诺跑动次数", Formula.AVERAGE, Measure.VISITS_DECLARED,
			Measure.CASES_CONCLUDED, false),
	ONE_NOTICE_VIOLATIONS("one-notice-violations", "一次性告知违规件数", Formula.COUNT, Measure.SUPPLEMENT_REPEATED, null, false),
	GOOD_RATE("good-rate", "好评率", Formula.RATE, Measure.RATINGS_GOOD, Measure.RATINGS, true),
	BAD_RECTIFIED_RATE("bad-rectified-rate", "差评整改率", Formula.RATE, Measure.RATINGS_BAD_RECTIFIED, Measure.RATINGS_BAD, true),
	HOTLINE_ON_TIME_RATE("hotline-on-time-rate", "12345按时办结率", Formula.RATE, Measure.TICKETS_ON_TIME, Measure.TICKETS_CLOSED,
			true),
	HOTLINE_SATISFACTION("hotline-satisfaction", "12345满意率", Formula.RATE, Measure.TICKETS_SATISFIED, Measure.TICKETS_RATED,
			true),
	DATA_READS("data-reads", "数据共享调用量", Formula.COUNT, Measure.DATA_READS, null, true),
	FIELDS_PREFILLED("fields-prefilled", "免提交字段数", Formula.COUNT, Measure.FIELDS_PREFILLED, null, true),
	LICENCES_USED("licences-used", "用证次数", Formula.COUNT, Measure.LICENCES_USED, null, true);

	/** How a value is computed from the summed numerator and denominator. */
	public enum Formula {
		/** numerator / denominator, shown as a percentage. */
		RATE,
		/** 1 − numerator / denominator, shown as a percentage (the share of the statutory limit saved). */
		SAVING,
		/** numerator / denominator, shown as a number with two decimals. */
		AVERAGE,
		/** the numerator itself. */
		COUNT
	}

	private final String code;
	private final String label;
	private final Formula formula;
	private final Measure numerator;
	private final Measure denominator;
	private final boolean higherIsBetter;

	Indicator(String code, String label, Formula formula, Measure numerator, Measure denominator, boolean higherIsBetter) {
		this.code = code;
		this.label = label;
		this.formula = formula;
		this.numerator = numerator;
		this.denominator = denominator;
		this.higherIsBetter = higherIsBetter;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public Formula formula() {
		return formula;
	}

	public Measure numerator() {
		return numerator;
	}

	/** The denominator's measure; null for a count. */
	public Measure denominator() {
		return denominator;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	/** The value from summed counters; null where the denominator is zero (nothing to measure: shown as 「—」). */
	public Double value(long numeratorSum, long denominatorSum) {
		return switch (formula) {
			case COUNT -> (double) numeratorSum;
			case RATE, AVERAGE -> denominatorSum == 0 ? null : (double) numeratorSum / denominatorSum;
			case SAVING -> denominatorSum == 0 ? null : 1 - (double) numeratorSum / denominatorSum;
		};
	}

	public static Optional<Indicator> byCode(String code) {
		return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
	}
}
