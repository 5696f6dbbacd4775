package tongban.openness.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendar;

/**
 * The clock of a request for government information (政府信息公开条例 2019) on the platform's working calendar, as a
 * {@link StatutoryClock}:
 * <ul>
 * <li>Art. 33: answer within 20 working days of receipt (the day of receipt not counted); extendable once, with the
 * head of the 政府信息公开工作机构's approval and notice to the applicant, by at most 20 working days.</li>
 * <li>Art. 30: a 补正 may be asked only within 7 working days of receipt, and then "答复期限自行政机关收到补正的申请之日起
 * 计算": the period starts again on the day the corrected request comes in. Written as a stop of the clock from receipt
 * until the answer, which gives the same due date (the 20th working day after the answer) and shows the clock stopped
 * while the applicant is asked.</li>
 * <li>Art. 32: the time a third party is consulted (it has 15 working days to give its opinion) is not counted: a stop
 * from the day the consultation starts until it ends, at most 15 working days.</li>
 * </ul>
 */
public record DisclosureClock(LocalDate receivedOn, LocalDate supplementRequestedOn, LocalDate supplementAnsweredOn,
		LocalDate consultationStartedOn, LocalDate consultationEndedOn, int extensionDays) {

	/** Art. 33 第一款. */
	public static final int LIMIT = 20;
	/** Art. 33 第二款: at most, once. */
	public static final int MAX_EXTENSION = 20;
	/** Art. 30: the 补正 notice within this many working days of receipt. */
	public static final int SUPPLEMENT_WINDOW = 7;
	/** Art. 32: the third party's time to give its opinion. */
	public static final int CONSULTATION_LIMIT = 15;
	/** The longest period an applicant may be given to answer a 补正 (working days). */
	public static final int MAX_SUPPLEMENT_PERIOD = 30;

	/** The clock as it stands on {@code today}. */
	public StatutoryClock statutory(WorkingCalendar calendar, LocalDate today) {
		List<StatutoryClock.Pause> pauses = new ArrayList<>();
		if (supplementRequestedOn != null) {
			pauses.add(new StatutoryClock.Pause(receivedOn, supplementAnsweredOn));
		}
		if (consultationStartedOn != null) {
			LocalDate cap = calendar.addWorkingDays(consultationStartedOn, CONSULTATION_LIMIT);
			LocalDate end = consultationEndedOn;
			if (end == null && today.isAfter(cap)) {
				end = cap;
			}
			pauses.add(new StatutoryClock.Pause(consultationStartedOn, end == null ? null : end.isAfter(cap) ? cap : end));
		}
		return new StatutoryClock(receivedOn, LIMIT, pauses, extensionDays);
	}

	/** The last day to answer, as the clock stands on {@code today}. */
	public LocalDate due(WorkingCalendar calendar, LocalDate today) {
		return statutory(calendar, today).due(calendar, today);
	}

	/** The last day on which a 补正 may be asked (Art. 30). */
	public LocalDate lastSupplementDay(WorkingCalendar calendar) {
		return calendar.addWorkingDays(receivedOn, SUPPLEMENT_WINDOW);
	}

	/** The last day of the consultation's 15 working days; null when none started. */
	public LocalDate consultationEnds(WorkingCalendar calendar) {
		return consultationStartedOn == null ? null : calendar.addWorkingDays(consultationStartedOn, CONSULTATION_LIMIT);
	}
}
