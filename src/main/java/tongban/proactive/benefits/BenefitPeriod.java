package tongban.proactive.benefits;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How often a benefit is due: each month (高龄津贴) or once (稳岗补贴, 新生儿补贴). */
public enum BenefitPeriod {
	MONTHLY,
	ONE_OFF;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	/** The period a batch on {@code day} decides: the month ("2026-12"), or "ONCE" for a one-off benefit. */
	public String periodOf(LocalDate day) {
		return this == MONTHLY ? day.format(MONTH) : "ONCE";
	}
}
