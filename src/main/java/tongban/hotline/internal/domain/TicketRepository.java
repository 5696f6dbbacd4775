package tongban.hotline.internal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.hotline.Satisfaction;
import tongban.hotline.Ticket;
import tongban.hotline.TicketId;
import tongban.hotline.TicketLogEntry;
import tongban.hotline.TicketStatus;
import tongban.shared.DataKeys;
import tongban.shared.GuardedMoves;
import tongban.shared.DomainException;

/**
 * The tickets' rows: reading them (personal data decrypted), their history, and the one way a status changes:
 * {@link #move}, a guarded update along an edge of {@link TicketStatus#GRAPH} that publishes the edge's event.
 */
@Component
public class TicketRepository {

	static final String COLUMNS = """
			id, number, token, type, category_code, urgency, complex, channel, region_code, address, lat, lon, description,
			account_id, contact_name, phone, publish_consent, api_client, status, lead_department, assisting, dispatch_due,
			dispatched_at, answer_due, replied_at, reply, supervised_at, closed_at, satisfaction, reopened, merged_into,
			created_at, updated_at""";

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final GuardedMoves<TicketStatus> moves;

	TicketRepository(JdbcClient jdbc, DataKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.moves = new GuardedMoves<>(jdbc, events, TicketStatus.GRAPH, "hotline_ticket");
	}

	/** Tickets by a condition on their columns, e.g. {@code "where number = ?"}, with its parameters. */
	public List<Ticket> where(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket " + condition).params(Arrays.asList(params)).query(this::map).list();
	}

	/** The one ticket a condition names, if any. */
	public Optional<Ticket> one(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket " + condition).params(Arrays.asList(params)).query(this::map).optional();
	}

	public Optional<Ticket> find(TicketId id) {
		return one("where id = ?", id.value());
	}

	/** The ticket, or "not found" with the code users see for a ticket that is not there. */
	public Ticket require(TicketId id) {
		return find(id).orElseThrow(() -> DomainException.notFound("ticket"));
	}

	private Ticket map(ResultSet rs, int row) throws SQLException {
		String satisfaction = rs.getString("satisfaction");
		return new Ticket(new TicketId(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getString("token"),
				rs.getString("type"), rs.getString("category_code"), rs.getString("urgency"), rs.getBoolean("complex"),
				rs.getString("channel"), rs.getString("region_code"), decrypt(rs.getString("address")), rs.getBigDecimal("lat"),
				rs.getBigDecimal("lon"), rs.getString("description"), rs.getObject("account_id", UUID.class),
				decrypt(rs.getString("contact_name")), decrypt(rs.getString("phone")), rs.getBoolean("publish_consent"),
				rs.getString("api_client"), TicketStatus.valueOf(rs.getString("status")), rs.getString("lead_department"),
				Arrays.asList((String[]) rs.getArray("assisting").getArray()), rs.getObject("dispatch_due", OffsetDateTime.class),
				rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("answer_due", OffsetDateTime.class),
				rs.getObject("replied_at", OffsetDateTime.class), rs.getString("reply"),
				rs.getObject("supervised_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getBoolean("reopened"),
				TicketId.ofNullable(rs.getObject("merged_into", UUID.class)), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private String decrypt(String stored) {
		return stored == null ? null : keys.decrypt(stored);
	}

	/** The statuses' names, to bind where SQL asks for one of several. */
	public static String[] names(Iterable<TicketStatus> statuses) {
		List<String> names = new ArrayList<>();
		statuses.forEach(status -> names.add(status.name()));
		return names.toArray(String[]::new);
	}

	/**
	 * Moves a ticket from {@code from} to {@code to} along the graph, setting {@code changes} (SQL assignments with
	 * {@code ?} for {@code changeParams}) in the same guarded update, and publishes {@code event}, which must be the
	 * edge's. A move the graph does not hold, or a ticket no longer at {@code from} (someone acted first), is refused as
	 * a CONFLICT with {@code conflictCode}, the code the step has always shown.
	 */
	public void move(TicketId id, TicketStatus from, TicketStatus to, Object event, String conflictCode, String changes,
			Object... changeParams) {
		moves.move(id.value(), from, to, event, conflictCode, changes + ", updated_at = now()", changeParams);
	}

	/**
	 * As {@link #move(TicketId, TicketStatus, TicketStatus, Object, String, String, Object...)}, with the move's line of
	 * the ticket's history written in the same statement (as {@link #log} would write it).
	 */
	public void move(TicketId id, TicketStatus from, TicketStatus to, Object event, String conflictCode, LogLine line, String changes,
			Object... changeParams) {
		moves.move(id.value(), from, to, event, conflictCode,
				new GuardedMoves.HistoryLine("hotline_ticket_event", "ticket_id", HISTORY_COLUMNS,
						Arrays.asList(line.action(), line.actor(), line.department(), line.note(), line.visible())),
				changes + ", updated_at = now()", changeParams);
	}

	/** A line of a ticket's history as a move writes it. */
	public record LogLine(String action, String actor, String department, String note, boolean visible) {
	}

	/** The columns of a line of the ticket's history besides the ticket's id, as {@link #log} and a move write them. */
	private static final List<String> HISTORY_COLUMNS = List.of("action", "actor", "department", "note", "visible");

	private static final String LOG = "insert into hotline_ticket_event (ticket_id, " + String.join(", ", HISTORY_COLUMNS) + ") values (?, "
			+ String.join(", ", HISTORY_COLUMNS.stream().map(column -> "?").toList()) + ")";

	/** A line of the ticket's history. */
	public void log(TicketId id, String action, String actor, String department, String note, boolean visible) {
		jdbc.sql(LOG)
			.params(id.value(), action, actor, department, note, visible)
			.update();
	}

	public List<TicketLogEntry> history(TicketId id, boolean visibleOnly) {
		return jdbc.sql("select at, action, actor, department, note, visible from hotline_ticket_event where ticket_id = ? "
				+ (visibleOnly ? "and visible " : "") + "order by id")
			.param(id.value())
			.query((rs, row) -> new TicketLogEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBoolean(6)))
			.list();
	}

	public static DomainException conflict(String code) {
		return new DomainException(DomainException.Kind.CONFLICT, code, code);
	}

	public static DomainException invalid(String code) {
		return new DomainException(DomainException.Kind.INVALID, code, code);
	}

	/** Text as typed, without surrounding space; empty for none. */
	public static String trim(String text) {
		return text == null ? "" : text.strip();
	}
}
