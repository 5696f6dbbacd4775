package tongban.proactive.lifeevents;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The statutory retirement age under 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13, in
 * force 2025-01-01) and its 实施办法: from the former age of 60 (men), 55 (women in 管理和技术岗位, and women insured
 * as 灵活就业人员) or 50 (women in 生产和服务岗位), one month later for each 4 months of birth (each 2 months from 50),
 * starting with people born in January 1965, 1970 and 1975 respectively, up to 63, 58 and 55. For example (the table
 * attached to the decision): a man born in January 1971 retires at 61 years 7 months, in August 2032; a woman of the
 * 50 start born in January 1975 retires at 50 years 1 month, in February 2025.
 */
public final class RetirementAge {

	/** Which former age a person starts from. */
	public enum Start {
		/** Men: 60, born from January 1965 one month per 4 months, at most 36 months (63). */
		MEN_60(60, 1965, 4, 36),
		/** Women of 55: born from January 1970 one month per 4 months, at most 36 months (58). */
		WOMEN_55(55, 1970, 4, 36),
		/** Women of 50: born from January 1975 one month per 2 months, at most 60 months (55). */
		WOMEN_50(50, 1975, 2, 60);

		private final int years;
		private final int firstYear;
		private final int monthsPerStep;
		private final int maxMonths;

		Start(int years, int firstYear, int monthsPerStep, int maxMonths) {
			this.years = years;
			this.firstYear = firstYear;
			this.monthsPerStep = monthsPerStep;
			this.maxMonths = maxMonths;
		}
	}

	/** An age in years and months, and the month it is reached in (the person retires in that month). */
	public record Age(int years, int months, YearMonth retiresIn, LocalDate reachedOn) {

		/** As the person reads it, e.g. "61岁7个月" or "60岁". */
		public String words() {
			return years + "岁" + (months == 0 ? "" : months + "个月");
		}
	}

	private RetirementAge() {
	}

	/** The retirement age of a person born on {@code born} starting from {@code start}. */
	public static Age of(Start start, LocalDate born) {
		int monthsAfterFirst = (born.getYear() - start.firstYear) * 12 + born.getMonthValue() - 1;
		int delay = monthsAfterFirst < 0 ? 0 : Math.min(start.maxMonths, monthsAfterFirst / start.monthsPerStep + 1);
		int total = start.years * 12 + delay;
		LocalDate reached = born.plusMonths(total);
		return new Age(total / 12, total % 12, YearMonth.from(reached), reached);
	}

	/**
	 * The start the population register lets us choose: men 60; women 55, because neither the population register nor
	 * the social-insurance register says which post a woman holds (a woman in 生产和服务岗位 starts from 50 and is
	 * confirmed by the 人社 bureau when she applies). The reason shown names the age assumed. A gender other than 男/女
	 * gives none.
	 */
	public static Optional<Start> startFor(String gender) {
		if ("男".equals(gender)) {
			return Optional.of(Start.MEN_60);
		}
		return "女".equals(gender) ? Optional.of(Start.WOMEN_55) : Optional.empty();
	}
}
