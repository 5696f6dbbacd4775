package tongban.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The messages published to Kafka, one record per topic; docs/events/&lt;topic&gt;.schema.json describes each (a test
 * fails when a record and its schema part). Times are instants in UTC (ISO 8601), dates Asia/Shanghai days.
 */
public final class PublicMessages {

	public static final String CASE_SUBMITTED = "tongban.case.submitted";
	public static final String CASE_ACCEPTED = "tongban.case.accepted";
	public static final String CASE_CONCLUDED = "tongban.case.concluded";
	public static final String LICENCE_ISSUED = "tongban.licence.issued";
	public static final String LICENCE_REVOKED = "tongban.licence.revoked";
	public static final String TICKET_CLOSED = "tongban.ticket.closed";
	public static final String RATING_GIVEN = "tongban.rating.given";

	public static final List<String> TOPICS = List.of(CASE_SUBMITTED, CASE_ACCEPTED, CASE_CONCLUDED, LICENCE_ISSUED, LICENCE_REVOKED,
			TICKET_CLOSED, RATING_GIVEN);

	private PublicMessages() {
	}

	/** A case was submitted: the item (code and version), the department, the promised date (承诺办结日期). */
	public record CaseSubmittedMessage(UUID eventId, UUID caseId, String caseNumber, String itemCode, int itemVersion,
			String departmentCode, Instant submittedAt, LocalDate promisedDate) implements PublicMessage {

		@Override
		public String topic() {
			return CASE_SUBMITTED;
		}

		@Override
		public String key() {
			return caseId.toString();
		}
	}

	/** The department accepted (受理) the case under its acceptance number. */
	public record CaseAcceptedMessage(UUID eventId, UUID caseId, String caseNumber, String acceptanceNumber, String itemCode,
			String departmentCode, Instant submittedAt, Instant acceptedAt) implements PublicMessage {

		@Override
		public String topic() {
			return CASE_ACCEPTED;
		}

		@Override
		public String key() {
			return caseId.toString();
		}
	}

	/** The case ended: {@code outcome} APPROVED, DENIED, REFUSED or WITHDRAWN. */
	public record CaseConcludedMessage(UUID eventId, UUID caseId, String caseNumber, String itemCode, String departmentCode,
			Instant submittedAt, Instant concludedAt, String outcome) implements PublicMessage {

		@Override
		public String topic() {
			return CASE_CONCLUDED;
		}

		@Override
		public String key() {
			return caseId.toString();
		}
	}

	/** A licence was issued ({@code caseId} null when it was not issued on a case). */
	public record LicenceIssuedMessage(UUID eventId, UUID licenceId, String licenceNumber, String typeCode, String departmentCode,
			UUID caseId, Instant issuedAt) implements PublicMessage {

		@Override
		public String topic() {
			return LICENCE_ISSUED;
		}

		@Override
		public String key() {
			return licenceId.toString();
		}
	}

	/** A licence was revoked (撤销/吊销): {@code status} is the licence's status after it, REVOKED. */
	public record LicenceRevokedMessage(UUID eventId, UUID licenceId, String licenceNumber, String typeCode, String departmentCode,
			UUID caseId, String status, Instant revokedAt) implements PublicMessage {

		@Override
		public String topic() {
			return LICENCE_REVOKED;
		}

		@Override
		public String key() {
			return licenceId.toString();
		}
	}

	/** A 12345 ticket was closed (办结); {@code departmentCode} is the lead department, null if none handled it. */
	public record TicketClosedMessage(UUID eventId, UUID ticketId, String ticketNumber, String type, String departmentCode,
			Instant closedAt) implements PublicMessage {

		@Override
		public String topic() {
			return TICKET_CLOSED;
		}

		@Override
		public String key() {
			return ticketId.toString();
		}
	}

	/**
	 * A rating (好差评) was given: {@code level} 1 (very dissatisfied) to 5 (very satisfied), {@code channel} ONLINE (of a
	 * case) or COUNTER (of a visit, {@code caseId} null), {@code round} 2 for a re-rating, {@code defaulted} for the
	 * default good rating of a case left unrated.
	 */
	public record RatingGivenMessage(UUID eventId, UUID ratingId, UUID caseId, String departmentCode, String channel, int level,
			int round, boolean defaulted, Instant givenAt) implements PublicMessage {

		@Override
		public String topic() {
			return RATING_GIVEN;
		}

		@Override
		public String key() {
			return ratingId.toString();
		}
	}
}
