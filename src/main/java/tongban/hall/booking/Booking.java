package tongban.hall.booking;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import tongban.hall.Series;

/**
 * An appointment: {@code code} (8 digits) is what the person shows at the hall; the ticket is the queue number taken at
 * check-in. Names are the booker's and the party's (a company when acting for one).
 */
public record Booking(UUID id, String code, UUID accountId, String personName, UUID partyId, String partyName, UUID pointId,
		Series series, String itemCode, String itemName, LocalDate day, Instant startsAt, Instant endsAt, BookingStatus status,
		Instant createdAt, Instant remindedAt, Instant checkedInAt, UUID checkedInBy, UUID ticketId, String ticketLabel,
		Instant cancelledAt) implements Serializable {

	static final String COLUMNS = """
			id, code, account_id, person_name, party_id, party_name, point_id, series, item_code, item_name, day, starts_at, ends_at,
			  status, created_at, reminded_at, checked_in_at, checked_in_by, ticket_id, ticket_label, cancelled_at""";

	static final String SELECT = "select " + COLUMNS + " from hall_booking";
}
