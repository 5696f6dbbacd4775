package tongban.insight;

/**
 * A daily counter kept per department, region and item ({@code insight_daily}). Each fact is counted on the day it
 * happened (a submission on its submission day, a conclusion on its conclusion day, a rating on its rating day); a later
 * fact about an earlier one (a bad rating rectified) is added to the earlier one's day, so that a month's ratio
 * compares like with like. Indicators ({@link Indicator}) are formulas over these counters.
 */
public enum Measure {
	/** Cases submitted (any channel). */
	CASES_SUBMITTED,
	/** Cases submitted online by the applicant (网办). */
	CASES_ONLINE,
	/** Cases concluded (any outcome). */
	CASES_CONCLUDED,
	/** Concluded cases with no counter visit at all (全程网办). */
	CASES_FULLY_ONLINE,
	/** Concluded on the day they were submitted (即办). */
	CASES_IMMEDIATE,
	/** Concluded on or before their due date. */
	CASES_ON_TIME,
	/** Concluded after their due date (超期). */
	CASES_OVERDUE,
	/** Sum over concluded cases of the item's promised limit in working days (承诺时限). */
	PROMISED_DAYS,
	/** Sum over concluded cases of the item's statutory limit in working days (法定时限). */
	STATUTORY_DAYS,
	/** Counter visits measured over concluded cases: intake at a window, supplements handed in, results collected. */
	VISITS,
	/** The catalogue's declared 跑动次数 summed over the same concluded cases. */
	VISITS_DECLARED,
	/** Concluded cases that had more than one 补正 round (一次性告知 violated). */
	SUPPLEMENT_REPEATED,
	/** Ratings (好差评) counted in the statistics. */
	RATINGS,
	RATINGS_GOOD,
	RATINGS_BAD,
	/** Bad ratings whose rectification was done within its limit, on the rating's day. */
	RATINGS_BAD_RECTIFIED,
	/** 12345 tickets closed (办结). */
	TICKETS_CLOSED,
	/** Closed by their due time. */
	TICKETS_ON_TIME,
	/** Closed tickets whose caller gave a satisfaction answer. */
	TICKETS_RATED,
	/** ... who answered satisfied or basically satisfied. */
	TICKETS_SATISFIED,
	/** Reads of shared data by staff or systems (数据共享调用). */
	DATA_READS,
	/** Form fields filled from shared data instead of typed or uploaded (免提交). */
	FIELDS_PREFILLED,
	/** Materials supplied from the licence wallet instead of paper (用证). */
	LICENCES_USED
}
