package tongban.hotline;

import java.time.Instant;

/**
 * What the indicators need to know about one ticket, read from hotline's own records: the department that handled it
 * ('' when the operator answered on the call), its region (a township where known), when it was closed (null unless it
 * is closed now: a reopened or merged ticket is not closed), its answer due time (null when answered on the call) and
 * the person's satisfaction (null until answered).
 */
public record TicketFact(TicketId ticketId, String departmentCode, String regionCode, Instant closedAt, Instant answerDue,
		Satisfaction satisfaction) {

	/** Closed by its due time (a ticket answered on the call has no due time: it is on time). */
	public boolean onTime() {
		return closedAt != null && (answerDue == null || !closedAt.isAfter(answerDue));
	}
}
