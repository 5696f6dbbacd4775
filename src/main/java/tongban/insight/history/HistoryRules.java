package tongban.insight.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;

import tongban.casework.CaseHistory;
import tongban.shared.WorkingCalendar;

/**
 * The owning modules' rules the generated history follows, so that its dates are the ones live records would get: the
 * working calendar, casework's promised date ({@link CaseHistory#promisedDate}), the hotline's dispatch and answer
 * limits, feedback's rectification deadlines.
 *
 * @param calendar the working calendar
 * @param dispatchDue when a ticket of a type and urgency that came in at a moment must be dispatched
 * @param answerDue when a ticket of a type and urgency dispatched at a moment must be answered
 * @param verifyDue the verification deadline of a bad rating given on a day
 * @param rectifyDue the rectification deadline of a bad rating given on a day
 */
public record HistoryRules(WorkingCalendar calendar, TicketDue dispatchDue, TicketDue answerDue, UnaryOperator<LocalDate> verifyDue,
		UnaryOperator<LocalDate> rectifyDue) {

	/** A ticket's deadline by its type and urgency, counted from a moment. */
	@FunctionalInterface
	public interface TicketDue {

		OffsetDateTime due(String type, String urgency, OffsetDateTime from);
	}

	/** The promised date of an application of {@code item} accepted on {@code day}. */
	public LocalDate promisedDate(HistoryItem item, LocalDate day) {
		return CaseHistory.promisedDate(item.immediate(), item.promisedLimit(), item.limitUnit(), day, calendar);
	}

	OffsetDateTime dispatchDue(String type, String urgency, OffsetDateTime at) {
		return dispatchDue.due(type, urgency, at);
	}

	OffsetDateTime answerDue(String type, String urgency, OffsetDateTime at) {
		return answerDue.due(type, urgency, at);
	}

	LocalDate verifyDue(LocalDate day) {
		return verifyDue.apply(day);
	}

	LocalDate rectifyDue(LocalDate day) {
		return rectifyDue.apply(day);
	}
}
