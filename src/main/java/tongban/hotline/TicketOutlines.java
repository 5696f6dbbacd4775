package tongban.hotline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket as systems outside the platform may be told of it: its number, type, lead department, status and times,
 * never the caller, the address or the text (the events module publishes it to Kafka,
 * docs/decisions/0047-events-to-kafka.md). Read from hotline's own table.
 */
@Service
@Transactional(readOnly = true)
public class TicketOutlines {

	/** {@code departmentCode} is null while no department handles the ticket; {@code closedAt} while it is open. */
	public record Outline(TicketId ticketId, String number, String type, String departmentCode, TicketStatus status, Instant closedAt) {
	}

	private final JdbcClient jdbc;

	TicketOutlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Outline> of(TicketId ticketId) {
		return jdbc.sql("select number, type, lead_department, status, closed_at from hotline_ticket where id = ?")
			.param(ticketId.value())
			.query((rs, row) -> {
				Timestamp closed = rs.getTimestamp("closed_at");
				return new Outline(ticketId, rs.getString("number"), rs.getString("type"), rs.getString("lead_department"),
						TicketStatus.valueOf(rs.getString("status")), closed == null ? null : closed.toInstant());
			})
			.optional();
	}
}
