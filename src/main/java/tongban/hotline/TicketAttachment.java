package tongban.hotline;

/** A file that came with a ticket. */
public record TicketAttachment(long id, String fileId, String name, String contentType, long size) {
}
