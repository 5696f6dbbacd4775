package tongban.hotline;

/**
 * The person's satisfaction with a closed ticket was recorded (回访 by the operator or 评价 by the person) and did not
 * reopen it; an unsatisfied answer that reopens the ticket publishes {@link TicketEvents.TicketReopened} instead.
 */
public record TicketRated(TicketId ticketId, Satisfaction satisfaction) {
}
