package tongban.proactive.lifeevents;

import java.time.LocalDate;

/** Dates in the words of a reason: 2026年3月5日. */
final class Dates {

	private Dates() {
	}

	static String words(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}
}
