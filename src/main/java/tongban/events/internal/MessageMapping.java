package tongban.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.events.RoutingTarget;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents.CaseAccepted;
import tongban.casework.CaseEvents.CaseConcluded;
import tongban.casework.CaseOutlines;
import tongban.casework.CaseSubmitted;
import tongban.events.PublicMessage;
import tongban.events.PublicMessages;
import tongban.events.PublicMessages.CaseAcceptedMessage;
import tongban.events.PublicMessages.CaseConcludedMessage;
import tongban.events.PublicMessages.CaseSubmittedMessage;
import tongban.events.PublicMessages.LicenceIssuedMessage;
import tongban.events.PublicMessages.LicenceRevokedMessage;
import tongban.events.PublicMessages.RatingGivenMessage;
import tongban.events.PublicMessages.TicketClosedMessage;
import tongban.feedback.RatingGiven;
import tongban.hotline.TicketEvents.TicketClosed;
import tongban.hotline.TicketOutlines;
import tongban.licence.LicenceIssued;
import tongban.licence.LicenceOutlines;
import tongban.licence.LicenceRevoked;

/**
 * Turns a module's event into its public message: the event record itself never leaves the platform (CaseSubmitted
 * carries the applicant's account and the item's name, LicenceRevoked the reason). What an event does not carry (the
 * item and department of an accepted case, a licence's number) is read from the owning module's root API when the
 * event is externalised, after its transaction committed.
 */
@Component
class MessageMapping {

	static final Set<Class<?>> EVENTS = Set.of(CaseSubmitted.class, CaseAccepted.class, CaseConcluded.class, LicenceIssued.class,
			LicenceRevoked.class, TicketClosed.class, RatingGiven.class);

	private final CaseOutlines cases;
	private final LicenceOutlines licences;
	private final TicketOutlines tickets;
	private final Clock clock;

	MessageMapping(CaseOutlines cases, LicenceOutlines licences, TicketOutlines tickets, Clock clock) {
		this.cases = cases;
		this.licences = licences;
		this.tickets = tickets;
		this.clock = clock;
	}

	static boolean supports(Object event) {
		return EVENTS.contains(event.getClass());
	}

	/** The topic and the key (the id of the case, licence, ticket or rating) of an event this maps. */
	static RoutingTarget target(Object event) {
		return switch (event) {
			case CaseSubmitted e -> RoutingTarget.forTarget(PublicMessages.CASE_SUBMITTED).andKey(e.caseId().value().toString());
			case CaseAccepted e -> RoutingTarget.forTarget(PublicMessages.CASE_ACCEPTED).andKey(e.caseId().value().toString());
			case CaseConcluded e -> RoutingTarget.forTarget(PublicMessages.CASE_CONCLUDED).andKey(e.caseId().value().toString());
			case LicenceIssued e -> RoutingTarget.forTarget(PublicMessages.LICENCE_ISSUED).andKey(e.licenceId().toString());
			case LicenceRevoked e -> RoutingTarget.forTarget(PublicMessages.LICENCE_REVOKED).andKey(e.licenceId().toString());
			case TicketClosed e -> RoutingTarget.forTarget(PublicMessages.TICKET_CLOSED).andKey(e.ticketId().value().toString());
			case RatingGiven e -> RoutingTarget.forTarget(PublicMessages.RATING_GIVEN).andKey(e.ratingId().toString());
			default -> throw new IllegalArgumentException("not externalised: " + event.getClass().getName());
		};
	}

	PublicMessage map(Object event) {
		return switch (event) {
			case CaseSubmitted e -> new CaseSubmittedMessage(PublicMessage.eventId(PublicMessages.CASE_SUBMITTED, e.caseId().value(), e.submittedAt()),
					e.caseId().value(), e.caseNumber(), e.itemCode(), e.itemVersion(), e.departmentCode(), e.submittedAt(), e.promisedDate());
			case CaseAccepted e -> {
				var c = cases.of(e.caseId()).orElseThrow(() -> gone(e));
				Instant at = orNow(c.acceptedAt());
				yield new CaseAcceptedMessage(PublicMessage.eventId(PublicMessages.CASE_ACCEPTED, e.caseId().value(), at), e.caseId().value(),
						e.caseNumber(), e.acceptanceNo(), c.itemCode(), c.departmentCode(), c.submittedAt(), at);
			}
			case CaseConcluded e -> {
				var c = cases.of(e.caseId()).orElseThrow(() -> gone(e));
				Instant at = orNow(c.concludedAt());
				yield new CaseConcludedMessage(PublicMessage.eventId(PublicMessages.CASE_CONCLUDED, e.caseId().value(), at), e.caseId().value(),
						e.caseNumber(), c.itemCode(), c.departmentCode(), c.submittedAt(), at, e.outcome().name());
			}
			case LicenceIssued e -> {
				var l = licences.of(e.licenceId()).orElseThrow(() -> gone(e));
				yield new LicenceIssuedMessage(PublicMessage.eventId(PublicMessages.LICENCE_ISSUED, l.licenceId(), l.issuedAt()), l.licenceId(),
						l.number(), l.typeCode(), l.departmentCode(), l.caseId(), l.issuedAt());
			}
			case LicenceRevoked e -> {
				var l = licences.of(e.licenceId()).orElseThrow(() -> gone(e));
				Instant at = orNow(l.statusChangedAt());
				yield new LicenceRevokedMessage(PublicMessage.eventId(PublicMessages.LICENCE_REVOKED, l.licenceId(), at), l.licenceId(), l.number(),
						l.typeCode(), l.departmentCode(), l.caseId(), l.status(), at);
			}
			case TicketClosed e -> {
				var t = tickets.of(e.ticketId()).orElseThrow(() -> gone(e));
				Instant at = orNow(t.closedAt());
				yield new TicketClosedMessage(PublicMessage.eventId(PublicMessages.TICKET_CLOSED, t.ticketId().value(), at), t.ticketId().value(),
						t.number(), t.type(), t.departmentCode(), at);
			}
			case RatingGiven e -> new RatingGivenMessage(PublicMessage.eventId(PublicMessages.RATING_GIVEN, e.ratingId(), e.givenAt()), e.ratingId(),
					e.caseId(), e.departmentCode(), e.channel().name(), e.level().value(), e.round(), e.defaulted(), e.givenAt());
			default -> throw new IllegalArgumentException("not externalised: " + event.getClass().getName());
		};
	}

	/** A time the record lost since (a ticket reopened before its event went out): the time of publishing instead. */
	private Instant orNow(Instant at) {
		return at != null ? at : clock.instant();
	}

	private static IllegalStateException gone(Object event) {
		return new IllegalStateException("the record of " + event.getClass().getSimpleName() + " " + target(event).getKey()
				+ " is gone; it cannot be published");
	}
}
