package tongban.insight.history;

/** A 12345 category leaf as the generator needs it: code, name, default urgency and the department it is dispatched to. */
public record TicketCategory(String code, String name, String urgency, String leadDepartment) {
}
