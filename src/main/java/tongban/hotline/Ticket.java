package tongban.hotline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import tongban.shared.Clocks;

/** A ticket in full, for staff (who see personal data masked on screen) and for the submitter. */
public record Ticket(TicketId id, String number, String token, String type, String categoryCode, String urgency,
		boolean complex, String channel, String regionCode, String address, BigDecimal lat, BigDecimal lon,
		String description, UUID accountId, String contactName, String phone, boolean publishConsent,
		String apiClient, TicketStatus status, String leadDepartment, List<String> assisting, OffsetDateTime dispatchDue,
		OffsetDateTime dispatchedAt, OffsetDateTime answerDue, OffsetDateTime repliedAt, String reply,
		OffsetDateTime supervisedAt, OffsetDateTime closedAt, Satisfaction satisfaction, boolean reopened,
		TicketId mergedInto, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public boolean open() {
		return status.open();
	}

	/** The clock that runs now: dispatch while waiting for a department, answer while one handles it. */
	public OffsetDateTime due() {
		return switch (status) {
			case NEW, RETURNED -> dispatchDue;
			case DISPATCHED -> answerDue;
			default -> null;
		};
	}

	public boolean overdue(OffsetDateTime now) {
		OffsetDateTime due = due();
		return due != null && due.isBefore(now);
	}

	public boolean overdue() {
		return overdue(OffsetDateTime.now(Clocks.ZONE));
	}
}
