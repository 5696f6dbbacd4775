package tongban.insight.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import tongban.shared.WorkingCalendar;

/**
 * The owning modules' rules the generated history follows, so that its dates are the ones live records would get: the
 * working calendar, casework's promised date, the hotline's dispatch and answer limits, feedback's rectification
 * deadlines.
 */
public interface HistoryRules {

	WorkingCalendar calendar();

	/** The promised date of an application of {@code item} accepted on {@code day}. */
	LocalDate promisedDate(HistoryItem item, LocalDate day);

	/** When a ticket of this type and urgency that came in at {@code at} must be dispatched. */
	OffsetDateTime dispatchDue(String type, String urgency, OffsetDateTime at);

	/** When a ticket dispatched at {@code at} must be answered. */
	OffsetDateTime answerDue(String type, String urgency, OffsetDateTime at);

	/** The verification deadline of a bad rating given on {@code day}. */
	LocalDate verifyDue(LocalDate day);

	/** The rectification deadline of a bad rating given on {@code day}. */
	LocalDate rectifyDue(LocalDate day);
}
